import { useState } from "preact/hooks";
import { post } from "../api";
import type { ApiProblem } from "../problem";
import type { ApiPair } from "../types";
import { Field, Notice, PagedList, ProblemAlert, Screen, when } from "../ui";
import { ProxyForm, proxyText } from "./proxy";

/**
 * API pairs from my.telegram.org: the hash is write-only (encrypted at rest, never shown); a pair's
 * proxy applies to its sessions that have none of their own.
 */
export function ApiPairs() {
  const [apiId, setApiId] = useState("");
  const [apiHash, setApiHash] = useState("");
  const [capacity, setCapacity] = useState("7");
  const [reload, setReload] = useState(0);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  // Said at once: with more pairs than one page holds, the new one is on a later page.
  const [added, setAdded] = useState<ApiPair | null>(null);

  const create = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    setAdded(null);
    try {
      const pair = await post<ApiPair>("/admin/api-pairs", { api_id: apiId ? Number(apiId) : null, api_hash: apiHash, capacity: Number(capacity) });
      setApiHash("");
      setApiId("");
      setAdded(pair);
      setReload(reload + 1);
    } catch (err) {
      setProblem(err as ApiProblem);
    }
  };

  return (
    <Screen title="API pairs">
      <form class="card" onSubmit={create}>
        <h2>Add a pair</h2>
        <ProblemAlert problem={problem} />
        <Field label="api_id" error={problem?.forField("api_id")}>
          {(p) => <input {...p} type="number" required value={apiId} onInput={(e) => setApiId(e.currentTarget.value)} />}
        </Field>
        <Field label="api_hash" error={problem?.forField("api_hash")} hint="Write-only: never shown again.">
          {(p) => <input {...p} type="password" autoComplete="off" required value={apiHash} onInput={(e) => setApiHash(e.currentTarget.value)} />}
        </Field>
        <Field label="Capacity (sessions)" error={problem?.forField("capacity")}>
          {(p) => <input {...p} type="number" min={1} value={capacity} onInput={(e) => setCapacity(e.currentTarget.value)} />}
        </Field>
        <button type="submit">Add pair</button>
        {added && (
          <Notice>
            API pair {added.id} added (api_id {added.api_id}, capacity {added.capacity}).
          </Notice>
        )}
      </form>
      <ProxyForm title="Proxy of an API pair" what="API pair" base="/admin/api-pairs" onSaved={() => setReload(reload + 1)} />
      <PagedList<ApiPair>
        path="/admin/api-pairs"
        reload={reload}
        label="API pairs"
        rowKey={(a) => a.id}
        columns={[
          { header: "Id", cell: (a) => a.id },
          { header: "api_id", cell: (a) => a.api_id },
          { header: "In use / capacity", cell: (a) => `${a.in_use} / ${a.capacity}` },
          { header: "Proxy", cell: (a) => proxyText(a.proxy) },
          { header: "Added", cell: (a) => when(a.created_at) },
        ]}
      />
    </Screen>
  );
}

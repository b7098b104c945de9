import { useState } from "preact/hooks";
import { page } from "../api";
import type { ApiProblem } from "../problem";
import type { AdminBot } from "../types";
import { Field, Notice, Pager, ProblemAlert, Screen, usePaged, when, TableWrap } from "../ui";
import { SuspendControls } from "./suspend";

const STATUSES = ["", "RUNNING", "STOPPED", "STOPPING"];

/** Every tenant's bot by status, with suspend (a reason is recorded in the audit log) and activate. */
export function Bots() {
  const [status, setStatus] = useState("");
  const [reload, setReload] = useState(0);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = usePaged((cursor) => page<AdminBot>("/admin/bots", cursor, 20, status ? { status } : {}), `${status}/${reload}`);

  return (
    <Screen title="Bots">
      <ProblemAlert problem={problem ?? list.problem} />
      {notice && <Notice>{notice}</Notice>}
      <Field label="Status">
        {(p) => (
          <select {...p} value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s || "All"}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TableWrap label="Bots">
        <table>
          <thead>
            <tr>
              <th scope="col">Tenant</th>
              <th scope="col">Status</th>
              <th scope="col">Reason</th>
              <th scope="col">Updated</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {list.page?.items.map((b) => (
              <tr key={b.account_id} data-account={b.account_id}>
                <td>{b.account_id}</td>
                <td>{b.status}</td>
                <td>{b.stop_reason ?? "—"}{b.last_error_reason ? `: ${b.last_error_reason}` : ""}</td>
                <td>{when(b.updated_at)}</td>
                <td class="row-actions">
                  <SuspendControls
                    accountId={b.account_id}
                    suspended={b.stop_reason === "ADMIN_SUSPENDED"}
                    onProblem={setProblem}
                    onDone={(_, message) => {
                      setProblem(null);
                      setNotice(message);
                      setReload(reload + 1);
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pager older={list.older} newer={list.newer} pageNumber={list.pageNumber} />
    </Screen>
  );
}

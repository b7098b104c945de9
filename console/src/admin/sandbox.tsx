import { useEffect, useState } from "preact/hooks";
import { get, put } from "../api";
import type { ApiProblem } from "../problem";
import type { SandboxFaults as Faults } from "../types";
import { Field, Notice, ProblemAlert, Screen } from "../ui";
import { SandboxSendLog } from "./sandbox-send-log";

/** Session ids typed as "3, 7" (blanks and anything not a number dropped). */
function sessionIds(text: string): number[] {
  return text
    .split(/[\s,]+/)
    .filter((t) => /^\d+$/.test(t))
    .map(Number);
}

/** The sandbox transport's simulated latency and faults; the API refuses this outside a dry run. */
export function SandboxFaults() {
  const [faults, setFaults] = useState<Faults | null>(null);
  const [chats, setChats] = useState("");
  const [unavailable, setUnavailable] = useState("");
  const [needsLogin, setNeedsLogin] = useState("");
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saved, setSaved] = useState(false);

  const show = (f: Faults) => {
    setFaults(f);
    setChats((f.forbidden_chats ?? []).join("\n"));
    setUnavailable((f.unavailable_sessions ?? []).join(", "));
    setNeedsLogin((f.needs_login_sessions ?? []).join(", "));
  };

  useEffect(() => {
    get<Faults>("/admin/sandbox/faults").then(show, setProblem);
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!faults) return;
    setProblem(null);
    setSaved(false);
    try {
      show(
        await put<Faults>("/admin/sandbox/faults", {
          ...faults,
          forbidden_chats: chats.split("\n").map((c) => c.trim()).filter(Boolean),
          unavailable_sessions: sessionIds(unavailable),
          needs_login_sessions: sessionIds(needsLogin),
        }),
      );
      setSaved(true);
    } catch (err) {
      setProblem(err as ApiProblem);
    }
  };

  const number = (key: keyof Faults, label: string, step = "1") => (
    <Field label={label} error={problem?.forField(key)}>
      {(p) => (
        <input {...p} type="number" min={0} step={step} value={String(faults?.[key] ?? 0)} onInput={(e) => faults && setFaults({ ...faults, [key]: Number(e.currentTarget.value) })} />
      )}
    </Field>
  );

  return (
    <Screen title="Sandbox faults">
      <p>The dev profile's sandbox posts nowhere; these settings make it misbehave on purpose.</p>
      <ProblemAlert problem={problem} />
      {saved && <Notice>Saved.</Notice>}
      {faults && (
        <form class="card" onSubmit={save}>
          {number("latency_ms", "Latency per post (ms)")}
          {number("flood_wait_every", "A flood wait every N posts (0: never)")}
          {number("flood_wait_seconds", "Flood wait length (s)")}
          {number("ban_probability", "Ban probability (0 to 1)", "0.01")}
          <Field label="Forbidden chats (one per line)" error={problem?.forField("forbidden_chats")}>
            {(p) => <textarea {...p} rows={3} value={chats} onInput={(e) => setChats(e.currentTarget.value)} />}
          </Field>
          <Field label="Sessions answering as not open here (ids, comma-separated)" error={problem?.forField("unavailable_sessions")} hint="They become UNAVAILABLE, never banned.">
            {(p) => <input {...p} type="text" value={unavailable} onInput={(e) => setUnavailable(e.currentTarget.value)} />}
          </Field>
          <Field label="Sessions answering as logged out (ids, comma-separated)" error={problem?.forField("needs_login_sessions")} hint="They become NEEDS_LOGIN, never banned.">
            {(p) => <input {...p} type="text" value={needsLogin} onInput={(e) => setNeedsLogin(e.currentTarget.value)} />}
          </Field>
          <button type="submit">Save faults</button>
        </form>
      )}
      <SandboxSendLog />
    </Screen>
  );
}

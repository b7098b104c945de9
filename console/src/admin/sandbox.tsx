import { useEffect, useState } from "preact/hooks";
import { get, put } from "../api";
import type { ApiProblem } from "../problem";
import type { SandboxFaults as Faults, SandboxWorld as World } from "../types";
import { Field, Notice, ProblemAlert, Screen } from "../ui";
import { SandboxWorld } from "./sandbox-world";
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
      <TelegramModel />
      {faults && <SandboxWorld />}
    </Screen>
  );
}

/**
 * What the sandbox's Telegram model counted, and the send-twice test hook: the next N cycle posts
 * are sent twice, so the duplicates counted from the send log can be seen to work (SPEC rule 17).
 */
function TelegramModel() {
  const [world, setWorld] = useState<World | null>(null);
  const [twice, setTwice] = useState("1");
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [pending, setPending] = useState<number | null>(null);

  useEffect(() => {
    get<World>("/admin/sandbox/world").then(setWorld, setProblem);
  }, []);

  const sendTwice = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    try {
      const reply = await put<{ sends: number }>("/admin/sandbox/send-twice", { sends: Number(twice) });
      setPending(reply.sends);
    } catch (err) {
      setProblem(err as ApiProblem);
    }
  };

  const refused = world ? Object.entries(world.refused_by_reason) : [];
  return (
    <section class="card" aria-labelledby="model-heading">
      <h2 id="model-heading">Telegram model</h2>
      <ProblemAlert problem={problem} />
      {world && (
        <dl class="world">
          <dt>Sends delivered / tried</dt>
          <dd>{world.delivered} / {world.attempts}</dd>
          <dt>Refused, by reason</dt>
          <dd>{refused.length ? refused.map(([reason, n]) => `${reason}: ${n}`).join(", ") : "none"}</dd>
          <dt>Accounts spam-limited / banned</dt>
          <dd>{world.spam_limited_accounts} / {world.banned_accounts}</dd>
          <dt>Most joins by one account in an hour</dt>
          <dd>{world.max_joins_per_account_per_hour} ({world.joins} joins, clock {world.time_scale}x)</dd>
        </dl>
      )}
      <form onSubmit={sendTwice}>
        <Field label="Cycle posts to send twice (test hook)" error={problem?.forField("sends")} hint="Proves the duplicate count from the send log can fail.">
          {(p) => <input {...p} type="number" min={0} max={1000} value={twice} onInput={(e) => setTwice(e.currentTarget.value)} />}
        </Field>
        <button type="submit">Send twice</button>
      </form>
      {pending !== null && <Notice>The next {pending} cycle posts will be sent twice.</Notice>}
    </section>
  );
}

import { useEffect, useState } from "preact/hooks";
import { del, page, post } from "../api";
import type { ApiProblem } from "../problem";
import type { ApiPair, SessionView, WarmupView } from "../types";
import { Field, Notice, PagedList, ProblemAlert, Screen, useActions, when } from "../ui";
import { ProxyForm, proxyText } from "./proxy";

const STATES = ["", "PENDING_AUTH", "UNUSED", "ASSIGNED", "COOLING_DOWN", "UNAVAILABLE", "NEEDS_LOGIN", "BANNED", "REVOKED"];

type Step = "phone" | "code" | "password" | "done";

/** A session's state with why: a ban's reason, a park's cause, or until when it cools down. */
function stateText(s: SessionView): string {
  if (s.ban_reason) {
    return `${s.state}: ${s.ban_reason}`;
  }
  if (s.state === "COOLING_DOWN" && s.flood_wait_until) {
    return `${s.state} until ${when(s.flood_wait_until)} (a flood wait)`;
  }
  return s.state_reason ? `${s.state}: ${s.state_reason}` : s.state;
}

/** A session's warm-up: its age day, the posts of this hour against that day's budget. */
function warmupText(w: WarmupView | null | undefined): string {
  if (!w) return "—";
  if (w.posts_per_hour === null) return `day ${w.age_day}: warm-up over`;
  const paused = w.paused_until ? `, paused until ${when(w.paused_until)}` : "";
  return `day ${w.age_day}: ${w.posts_this_hour} / ${w.posts_per_hour} posts this hour${paused}`;
}

/**
 * The Telegram login of a pooled session in three steps: phone (and API pair), the code Telegram
 * sends, the 2FA password when the account has one. The server says which step comes next.
 */
function LoginWizard({ onAdded, relogin }: { onAdded: () => void; relogin: SessionView | null }) {
  const [pairs, setPairs] = useState<ApiPair[]>([]);
  const [step, setStep] = useState<Step>("phone");
  const [phone, setPhone] = useState("");
  const [pair, setPair] = useState("");
  const [value, setValue] = useState("");
  const [session, setSession] = useState<SessionView | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  useEffect(() => {
    page<ApiPair>("/admin/api-pairs", null, 200).then((p) => {
      setPairs(p.items);
      if (p.items.length) setPair(String(p.items[0].id));
    }, setProblem);
  }, []);

  // A NEEDS_LOGIN session logged in again (POST /admin/sessions/{id}/login) continues here.
  useEffect(() => {
    if (relogin) next(relogin);
  }, [relogin]);

  const next = (s: SessionView) => {
    setSession(s);
    setValue("");
    if (s.login === "CODE_REQUIRED") setStep("code");
    else if (s.login === "PASSWORD_REQUIRED") setStep("password");
    else setStep("done");
    onAdded();
  };

  // One login step: the server's answer says which step comes next; a refusal shows as a problem.
  const advance = async (path: string, body?: unknown) => {
    setProblem(null);
    try {
      next(await post<SessionView>(path, body));
    } catch (err) {
      setProblem(err as ApiProblem);
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (step === "phone") await advance("/admin/sessions", { phone, api_pair_id: pair ? Number(pair) : null });
    else if (session) await advance(`/admin/sessions/${session.id}/${step}`, { value });
  };

  // The code did not arrive or expired: Telegram sends a new one the next way it offers.
  const resend = () => session && advance(`/admin/sessions/${session.id}/code/resend`);

  const restart = () => {
    setStep("phone");
    setSession(null);
    setPhone("");
  };

  return (
    <form class="card wizard" onSubmit={submit} aria-labelledby="wizard-heading">
      <h2 id="wizard-heading">Add a session</h2>
      <ol class="steps">
        <li aria-current={step === "phone" ? "step" : undefined}>Phone</li>
        <li aria-current={step === "code" ? "step" : undefined}>Code</li>
        <li aria-current={step === "password" ? "step" : undefined}>2FA password</li>
      </ol>
      <ProblemAlert problem={problem} />
      {session?.login_detail && step !== "done" && <p class="hint">{session.login_detail}</p>}
      {step === "phone" && (
        <>
          <Field label="Phone number" error={problem?.forField("phone")} hint="International format, e.g. +441234567890.">
            {(p) => <input {...p} type="tel" name="phone" autoComplete="off" required value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />}
          </Field>
          <Field label="API pair" error={problem?.forField("api_pair_id")}>
            {(p) => (
              <select {...p} name="api_pair_id" value={pair} onChange={(e) => setPair(e.currentTarget.value)}>
                {pairs.length === 0 && <option value="">No API pair yet: add one first</option>}
                {pairs.map((a) => (
                  <option key={a.id} value={a.id}>
                    #{a.id} (api_id {a.api_id}, {a.in_use}/{a.capacity} in use)
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit">Send code</button>
        </>
      )}
      {step === "code" && (
        <>
          <Field label="Login code" error={problem?.forField("value")} hint="The code Telegram sent to the account.">
            {(p) => <input {...p} type="text" name="code" inputMode="numeric" autoComplete="one-time-code" required value={value} onInput={(e) => setValue(e.currentTarget.value)} />}
          </Field>
          <button type="submit">Submit code</button>
          <button type="button" class="secondary" onClick={resend}>
            Send a new code
          </button>
        </>
      )}
      {step === "password" && (
        <>
          <Field label="2FA password" error={problem?.forField("value")}>
            {(p) => <input {...p} type="password" name="password" autoComplete="off" required value={value} onInput={(e) => setValue(e.currentTarget.value)} />}
          </Field>
          <button type="submit">Submit password</button>
        </>
      )}
      {step === "done" && session && (
        <>
          <Notice>
            Session {session.id} ({session.phone}): {session.login === "READY" ? "logged in and in the pool." : `login ${session.login}. ${session.login_detail ?? ""}`}
          </Notice>
          <button type="button" class="secondary" onClick={restart}>
            Add another
          </button>
        </>
      )}
    </form>
  );
}

/** The session pool: by state, ban with a reason, release, delete, and the login wizard. */
export function Sessions() {
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const { problem, notice, reload, run, refresh, setProblem } = useActions();
  const [relogin, setRelogin] = useState<SessionView | null>(null);

  const act = (s: SessionView, what: "ban" | "release") =>
    run(async () => {
      await post(`/admin/sessions/${s.id}/${what}`, what === "ban" ? { reason: reasons[s.id] || null } : undefined);
      return `Session ${s.id} ${what === "ban" ? "banned" : "released"}.`;
    });

  const loginAgain = async (s: SessionView) => {
    setProblem(null);
    try {
      setRelogin(await post<SessionView>(`/admin/sessions/${s.id}/login`, undefined));
    } catch (err) {
      setProblem(err as ApiProblem);
    }
  };

  // Deleted for good: its TDLib state and warm-up go with it (DELETE /admin/sessions/{id}).
  const remove = (s: SessionView) =>
    run(async () => {
      await del(`/admin/sessions/${s.id}`);
      return `Session ${s.id} deleted.`;
    });

  const deleteButton = (s: SessionView) => (
    <button type="button" class="danger" aria-label={`Delete session ${s.id}`} onClick={() => remove(s)}>
      Delete
    </button>
  );

  const actions = (s: SessionView) => {
    if (s.state === "BANNED") {
      return (
        <>
          <button type="button" onClick={() => act(s, "release")}>
            Release
          </button>
          {deleteButton(s)}
        </>
      );
    }
    return (
      <>
        {s.state === "NEEDS_LOGIN" && (
          <button type="button" onClick={() => loginAgain(s)}>
            Log in again
          </button>
        )}
        <label class="inline">
          <span>Ban reason for session {s.id}</span>
          <input type="text" maxLength={200} value={reasons[s.id] ?? ""} onInput={(e) => setReasons({ ...reasons, [s.id]: e.currentTarget.value })} />
        </label>
        <button type="button" class="danger" onClick={() => act(s, "ban")}>
          Ban
        </button>
        {deleteButton(s)}
      </>
    );
  };

  return (
    <Screen title="Sessions">
      <LoginWizard relogin={relogin} onAdded={refresh} />
      <ProxyForm title="Proxy of a session" what="session" base="/admin/sessions" onSaved={refresh} />
      <PagedList<SessionView>
        path="/admin/sessions"
        filter={{ name: "state", label: "State", choices: STATES }}
        reload={reload}
        problem={problem}
        notice={notice}
        label="Sessions"
        rowKey={(s) => s.id}
        columns={[
          { header: "Id", cell: (s) => s.id },
          { header: "Phone", cell: (s) => s.phone },
          {
            header: "State",
            cell: (s) => stateText(s),
          },
          { header: "Tenant", cell: (s) => s.assigned_account_id ?? "—" },
          { header: "Proxy", cell: (s) => proxyText(s.proxy) },
          { header: "Warm-up", cell: (s) => warmupText(s.warmup) },
          { header: "Action", className: "row-actions", cell: (s) => actions(s) },
        ]}
      />
    </Screen>
  );
}

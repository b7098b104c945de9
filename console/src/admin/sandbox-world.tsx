import { useState } from "preact/hooks";
import { get, put } from "../api";
import type { ApiProblem } from "../problem";
import { Field, ProblemAlert } from "../ui";

/** A chat of the sandbox's Telegram model (SandboxChatView on the server). */
interface WorldChat {
  id: number;
  title: string;
  kind: string;
  slow_mode_seconds: number;
  members: { account: string; membership: string }[];
  join_requests: string[];
  sends: { at: string; account: string; result: string }[];
}

/**
 * What the sandbox's model saw of one chat (members, join requests, recent sends), and the chat
 * admin's moves: add a tenant's bot (bot#<account id>), ban, approve a join request.
 */
export function SandboxWorld() {
  const [ref, setRef] = useState("@sandbox_lounge");
  const [chat, setChat] = useState<WorldChat | null>(null);
  const [account, setAccount] = useState("");
  const [membership, setMembership] = useState("MEMBER");
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const lookUp = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    try {
      setChat(await get<WorldChat>(`/admin/sandbox/world/chat?ref=${encodeURIComponent(ref)}`));
    } catch (err) {
      setProblem(err as ApiProblem);
    }
  };

  const change = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    try {
      setChat(await put<WorldChat>("/admin/sandbox/world/chat/member", { chat: ref, account, membership }));
    } catch (err) {
      setProblem(err as ApiProblem);
    }
  };

  return (
    <section class="card" aria-label="Sandbox world">
      <h2>Sandbox world</h2>
      <ProblemAlert problem={problem} />
      <form onSubmit={lookUp}>
        <Field label="Chat in the sandbox world" error={problem?.forField("ref")}>
          {(p) => <input {...p} type="text" value={ref} onInput={(e) => setRef(e.currentTarget.value)} />}
        </Field>
        <button type="submit">Look up chat</button>
      </form>
      {chat && (
        <div data-testid="world-chat">
          <p>
            <strong>{chat.title}</strong> ({chat.kind}, slow mode {chat.slow_mode_seconds} s): {chat.members.length} members,{" "}
            {chat.join_requests.length} join requests, {chat.sends.length} recent sends.
          </p>
          <ul>
            {chat.members.map((m) => (
              <li key={m.account}>
                {m.account}: {m.membership}
              </li>
            ))}
            {chat.join_requests.map((a) => (
              <li key={`request-${a}`}>{a}: asked to join</li>
            ))}
          </ul>
          <form onSubmit={change}>
            <Field label="Account (user#session id or bot#account id)" error={problem?.forField("account")}>
              {(p) => <input {...p} type="text" value={account} onInput={(e) => setAccount(e.currentTarget.value)} />}
            </Field>
            <Field label="Membership" error={problem?.forField("membership")}>
              {(p) => (
                <select {...p} value={membership} onChange={(e) => setMembership(e.currentTarget.value)}>
                  {["MEMBER", "ADMINISTRATOR", "BANNED", "LEFT", "APPROVED"].map((m) => (
                    <option key={m} value={m}>
                      {m}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="submit">Apply membership</button>
          </form>
        </div>
      )}
    </section>
  );
}

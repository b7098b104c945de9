import { useState } from "preact/hooks";
import { get } from "../api";
import type { ApiProblem } from "../problem";
import { Field, ProblemAlert, TableWrap, when } from "../ui";

/** One attempt in the sandbox model's send log (GET /admin/sandbox/sent). */
interface SentMessage {
  at: string;
  sender: string;
  chat_id: number;
  /** The forum topic (1: its General topic), 0 outside forums. */
  topic: number;
  type: string;
  text: string;
  entities: { type: string; offset: number; length: number }[];
  buttons: { text: string; url: string }[][];
  media: { kind: string; medium_id: number }[];
  outcome: string;
}

/**
 * What the sandbox's Telegram model received for one chat: the dry run's proof of what would have
 * been sent (text with its formatting, buttons, media, an album as one group of N items) and
 * Telegram's answer.
 */
export function SandboxSendLog() {
  const [chat, setChat] = useState("");
  const [shown, setShown] = useState<{ chat: string; sent: SentMessage[] } | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const look = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    try {
      const asked = chat.trim();
      const sent = await get<SentMessage[]>(`/admin/sandbox/sent?${new URLSearchParams({ chat: asked })}`);
      setShown({ chat: asked, sent });
    } catch (err) {
      setProblem(err as ApiProblem);
    }
  };

  return (
    <section class="card" aria-labelledby="send-log-heading">
      <h2 id="send-log-heading">Send log</h2>
      <ProblemAlert problem={problem} />
      <form onSubmit={look}>
        <Field label="Chat" error={problem?.forField("chat")} hint="@username, chat id, or a topic link (t.me/group/5)">
          {(p) => <input {...p} type="text" name="chat" value={chat} onInput={(e) => setChat(e.currentTarget.value)} />}
        </Field>
        <button type="submit">Show sends</button>
      </form>
      {shown && shown.sent.length === 0 && <p data-testid="sandbox-sends">Nothing received in {shown.chat}.</p>}
      {shown && shown.sent.length > 0 && (
        <TableWrap label="Sends to the chat">
          <table data-testid="sandbox-sends">
            <caption>Oldest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Sender</th>
                <th scope="col">Topic</th>
                <th scope="col">Type</th>
                <th scope="col">Text or caption</th>
                <th scope="col">Formatting</th>
                <th scope="col">Buttons</th>
                <th scope="col">Media</th>
                <th scope="col">Answer</th>
              </tr>
            </thead>
            <tbody>
              {shown.sent.map((s, i) => (
                <tr key={i} data-testid="sent-row">
                  <td>{when(s.at)}</td>
                  <td>{s.sender}</td>
                  <td>{s.topic === 0 ? "—" : s.topic === 1 ? "General" : s.topic}</td>
                  <td>{s.type}</td>
                  <td>{s.text}</td>
                  <td>{s.entities.map((e) => e.type).join(", ") || "—"}</td>
                  <td>{s.buttons.flat().map((b) => b.text).join(", ") || "—"}</td>
                  <td>{s.media.map((m) => `${m.kind} #${m.medium_id}`).join(", ") || "—"}</td>
                  <td>{s.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

import { page } from "../api";
import type { Delivery } from "../types";
import { Pager, ProblemAlert, Screen, usePaged, when, TableWrap } from "../ui";

/** Every post attempt (GET /bot/deliveries), newest first: where, by whom, and what came back. */
export function Deliveries() {
  const { page: current, problem, ...pager } = usePaged((cursor) =>
    page<Delivery>("/bot/deliveries", cursor, 20),
  );
  return (
    <Screen title="Deliveries">
      <ProblemAlert problem={problem} />
      <TableWrap label="Post attempts">
        <table>
          <caption>Newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Chat</th>
              <th scope="col">Sender</th>
              <th scope="col">Outcome</th>
              <th scope="col">Message id or error</th>
            </tr>
          </thead>
          <tbody>
            {current?.items.length === 0 && (
              <tr>
                <td colSpan={5}>Nothing yet.</td>
              </tr>
            )}
            {current?.items.map((d) => (
              <tr key={d.id} data-testid="delivery-row">
                <td>{when(d.started_at ?? null)}</td>
                <td>{d.chat}</td>
                <td>
                  {d.sender_kind === "USER_BOT" ? "own bot" : "session"} #{d.sender_id}
                </td>
                <td>{d.outcome}</td>
                <td>{d.outcome === "DELIVERED" ? d.telegram_message_id ?? "—" : d.error ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pager {...pager} />
    </Screen>
  );
}

import { page } from "../api";
import type { LogEntry } from "../types";
import { Pager, ProblemAlert, Screen, usePaged, when, TableWrap } from "../ui";

/** The bot's activity log (cycles with their deliveries, flood waits, bans, stops), paged. */
export function ActivityLog() {
  const { page: current, problem, ...pager } = usePaged((cursor) => page<LogEntry>("/bot/logs", cursor, 20));
  return (
    <Screen title="Activity">
      <ProblemAlert problem={problem} />
      <TableWrap label="Activity log">
        <table>
          <caption>Newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">Reason</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {current?.items.length === 0 && (
              <tr>
                <td colSpan={4}>Nothing yet.</td>
              </tr>
            )}
            {current?.items.map((l) => (
              <tr key={l.id}>
                <td>{when(l.at)}</td>
                <td>{l.event}</td>
                <td>{l.reason_code ?? "—"}</td>
                <td>{l.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pager {...pager} />
    </Screen>
  );
}

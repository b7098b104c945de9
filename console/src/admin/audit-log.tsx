import { page } from "../api";
import type { AuditEntry } from "../types";
import { Pager, ProblemAlert, Screen, usePaged, when, TableWrap } from "../ui";

/** Every admin change, newest first. */
export function AuditLog() {
  const list = usePaged((cursor) => page<AuditEntry>("/admin/audit-log", cursor, 20));
  return (
    <Screen title="Audit log">
      <ProblemAlert problem={list.problem} />
      <TableWrap label="Audit entries">
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {list.page?.items.map((a) => (
              <tr key={a.id} data-action={a.action}>
                <td>{when(a.created_at)}</td>
                <td>{a.actor_subject}</td>
                <td>{a.action}</td>
                <td>
                  {a.target_type} {a.target_id}
                </td>
                <td>{a.details ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pager older={list.older} newer={list.newer} pageNumber={list.pageNumber} />
    </Screen>
  );
}

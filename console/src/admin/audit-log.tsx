import { page } from "../api";
import type { AuditEntry } from "../types";
import { PagedTable, ProblemAlert, Screen, usePaged, when } from "../ui";

/** Every admin change, newest first. */
export function AuditLog() {
  const list = usePaged((cursor) => page<AuditEntry>("/admin/audit-log", cursor, 20));
  return (
    <Screen title="Audit log">
      <ProblemAlert problem={list.problem} />
      <PagedTable
        label="Audit entries"
        list={list}
        rowKey={(a) => a.id}
        rowProps={(a) => ({ "data-action": a.action })}
        columns={[
          { header: "When", cell: (a) => when(a.created_at) },
          { header: "Actor", cell: (a) => a.actor_subject },
          { header: "Action", cell: (a) => a.action },
          { header: "Target", cell: (a) => `${a.target_type} ${a.target_id}` },
          { header: "Details", cell: (a) => a.details ?? "—" },
        ]}
      />
    </Screen>
  );
}

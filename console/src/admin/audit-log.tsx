import type { AuditEntry } from "../types";
import { ListScreen, when } from "../ui";

/** Every admin change, newest first. */
export function AuditLog() {
  return (
    <ListScreen<AuditEntry>
      title="Audit log"
      path="/admin/audit-log"
      label="Audit entries"
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
  );
}

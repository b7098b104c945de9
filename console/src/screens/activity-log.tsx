import type { LogEntry } from "../types";
import { ListScreen, when } from "../ui";

/** The bot's activity log (cycles with their outcome counts, flood waits, bans, stops), paged. */
export function ActivityLog() {
  return (
    <ListScreen<LogEntry>
      title="Activity"
      path="/bot/logs"
      label="Activity log"
      caption="Newest first"
      empty="Nothing yet."
      rowKey={(l) => l.id}
      columns={[
        { header: "When", cell: (l) => when(l.at) },
        { header: "Event", cell: (l) => l.event },
        { header: "Reason", cell: (l) => l.reason_code ?? "—" },
        { header: "Message", cell: (l) => l.message },
      ]}
    />
  );
}

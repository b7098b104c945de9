import { page } from "../api";
import type { LogEntry } from "../types";
import { PagedTable, ProblemAlert, Screen, usePaged, when } from "../ui";

/** The bot's activity log (cycles with their outcome counts, flood waits, bans, stops), paged. */
export function ActivityLog() {
  const list = usePaged((cursor) => page<LogEntry>("/bot/logs", cursor, 20));
  return (
    <Screen title="Activity">
      <ProblemAlert problem={list.problem} />
      <PagedTable
        label="Activity log"
        caption="Newest first"
        list={list}
        empty="Nothing yet."
        rowKey={(l) => l.id}
        columns={[
          { header: "When", cell: (l) => when(l.at) },
          { header: "Event", cell: (l) => l.event },
          { header: "Reason", cell: (l) => l.reason_code ?? "—" },
          { header: "Message", cell: (l) => l.message },
        ]}
      />
    </Screen>
  );
}

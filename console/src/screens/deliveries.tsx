import { page } from "../api";
import type { Delivery } from "../types";
import { PagedTable, ProblemAlert, Screen, usePaged, when } from "../ui";

/** Every post attempt (GET /bot/deliveries), newest first: where, by whom, and what came back. */
export function Deliveries() {
  const list = usePaged((cursor) => page<Delivery>("/bot/deliveries", cursor, 20));
  return (
    <Screen title="Deliveries">
      <ProblemAlert problem={list.problem} />
      <PagedTable
        label="Post attempts"
        caption="Newest first"
        list={list}
        empty="Nothing yet."
        rowKey={(d) => d.id ?? 0}
        rowProps={() => ({ "data-testid": "delivery-row" })}
        columns={[
          { header: "When", cell: (d) => when(d.started_at ?? null) },
          { header: "Chat", cell: (d) => d.chat },
          {
            header: "Sender",
            cell: (d) => `${d.sender_kind === "USER_BOT" ? "own bot" : "session"} #${d.sender_id}`,
          },
          { header: "Outcome", cell: (d) => d.outcome },
          {
            header: "Message id or error",
            cell: (d) => (d.outcome === "DELIVERED" ? d.telegram_message_id ?? "—" : d.error ?? "—"),
          },
        ]}
      />
    </Screen>
  );
}

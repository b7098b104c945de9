import type { Delivery } from "../types";
import { ListScreen, when } from "../ui";

/** Every post attempt (GET /bot/deliveries), newest first: where, by whom, and what came back. */
export function Deliveries() {
  return (
    <ListScreen<Delivery>
      title="Deliveries"
      path="/bot/deliveries"
      label="Post attempts"
      caption="Newest first"
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
  );
}

import type { Target, TargetSender } from "../types";
import { ListScreen, when } from "../ui";

/** One sender's standing: membership, when it may post next, and what to do about its error. */
function standing(s: TargetSender) {
  return (
    <div key={s.sender} data-testid="target-sender">
      <strong>{s.sender}</strong> ({s.transport}): {s.membership}
      {s.next_post_at ? <> · next post {when(s.next_post_at)}</> : null}
      {s.last_error ? (
        <div role="note">
          <code>{s.last_error.code}</code> {s.last_error.message}
        </div>
      ) : null}
    </div>
  );
}

/**
 * Every target group (GET /bot/targets) in config order: whether each sender joined it, waits for
 * its slow mode or a join request, or what the tenant must do ("add @YourBot to the group").
 */
export function Targets() {
  return (
    <ListScreen<Target>
      title="Targets"
      path="/bot/targets"
      label="Target groups"
      caption="In the order of the bot config"
      empty="No target groups configured."
      rowKey={(t) => t.chat}
      rowProps={() => ({ "data-testid": "target-row" })}
      columns={[
        { header: "Group", cell: (t) => (t.title ? `${t.title} (${t.chat})` : t.chat) },
        { header: "Resolved", cell: (t) => (t.resolved ? "yes" : "not yet") },
        {
          header: "Slow mode",
          cell: (t) => (t.slow_mode_seconds > 0 ? `${t.slow_mode_seconds} s` : "off"),
        },
        { header: "Last delivered", cell: (t) => when(t.last_delivered_at) },
        {
          header: "Senders",
          cell: (t) => (t.senders.length === 0 ? "not tried yet" : t.senders.map(standing)),
        },
      ]}
    />
  );
}

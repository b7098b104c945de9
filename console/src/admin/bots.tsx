import type { AdminBot } from "../types";
import { PagedList, Screen, useActions, when } from "../ui";
import { RateLimitControls } from "./rate-limits";
import { SuspendControls } from "./suspend";

const STATUSES = ["", "RUNNING", "STOPPED", "STOPPING"];

/**
 * Every tenant's bot by status, with suspend (a reason is recorded in the audit log) and activate,
 * and its own bot's request limits.
 */
export function Bots() {
  const { problem, notice, reload, done, setProblem } = useActions();

  return (
    <Screen title="Bots">
      <PagedList<AdminBot>
        path="/admin/bots"
        filter={{ name: "status", label: "Status", choices: STATUSES }}
        reload={reload}
        problem={problem}
        notice={notice}
        label="Bots"
        rowKey={(b) => b.account_id}
        rowProps={(b) => ({ "data-account": b.account_id })}
        columns={[
          { header: "Tenant", cell: (b) => b.account_id },
          { header: "Status", cell: (b) => b.status },
          {
            header: "Reason",
            cell: (b) => `${b.stop_reason ?? "—"}${b.last_error_reason ? `: ${b.last_error_reason}` : ""}`,
          },
          { header: "Updated", cell: (b) => when(b.updated_at) },
          {
            header: "Own bot",
            cell: (b) =>
              b.user_bot ? (
                <RateLimitControls accountId={b.account_id} userBot={b.user_bot} onProblem={setProblem} onDone={(_, message) => done(message)} />
              ) : (
                "—"
              ),
          },
          {
            header: "Action",
            className: "row-actions",
            cell: (b) => (
              <SuspendControls
                accountId={b.account_id}
                suspended={b.stop_reason === "ADMIN_SUSPENDED"}
                onProblem={setProblem}
                onDone={(_, message) => done(message)}
              />
            ),
          },
        ]}
      />
    </Screen>
  );
}

import { useRef, useState } from "preact/hooks";
import { del, get, post, put } from "../api";
import type { ApiProblem } from "../problem";
import type { AdminAccount, AdminBot } from "../types";
import { Field, Notice, PagedList, ProblemAlert, Screen, when } from "../ui";
import { RateLimitControls } from "./rate-limits";
import { SuspendControls } from "./suspend";
import { EMPTY_PLAN, PlanDraft, PlanFields, contentDraft, mediaDraft, planBody } from "./plan-fields";

/**
 * Tenants and their plans: every account (GET /admin/accounts, a page at a time), create an
 * account, open one from the list or by id, and set its plan as of now.
 */
export function Tenants() {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("USER");
  const [password, setPassword] = useState("");
  const [plan, setPlan] = useState<PlanDraft>(EMPTY_PLAN);
  const [createProblem, setCreateProblem] = useState<ApiProblem | null>(null);
  const [lookupId, setLookupId] = useState("");
  const [account, setAccount] = useState<AdminAccount | null>(null);
  const [accountPlan, setAccountPlan] = useState<PlanDraft>(EMPTY_PLAN);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [suspended, setSuspended] = useState(false);
  const [reload, setReload] = useState(0);
  const [bot, setBot] = useState<AdminBot | null>(null);
  const shown = useRef<number | null>(null); // the account whose bot a reply may show

  const show = (a: AdminAccount) => {
    if (a.id !== account?.id) {
      setSuspended(false);
      setBot(null);
      shown.current = a.id;
      // Its bot and own bot, if it has them (404 when it has neither); a late reply
      // for an account opened before is dropped.
      get<AdminBot>(`/admin/bots/${a.id}`).then(
        (b) => shown.current === a.id && setBot(b),
        () => shown.current === a.id && setBot(null),
      );
    }
    setAccount(a);
    setAccountPlan({
      status: a.plan.status,
      expiresAt: a.plan.expires_at ? a.plan.expires_at.substring(0, 10) : "",
      maxSessions: String(a.plan.limits?.max_sessions ?? ""),
      maxGroups: String(a.plan.limits?.max_groups ?? ""),
      ...mediaDraft(a.plan.limits),
      ...contentDraft(a.plan.limits),
    });
  };

  const create = async (e: Event) => {
    e.preventDefault();
    setCreateProblem(null);
    setNotice(null);
    try {
      const created = await post<AdminAccount>("/admin/accounts", { email, role, password, plan: planBody(plan) });
      show(created);
      setReload(reload + 1);
      setPassword("");
      setNotice(`Account ${created.id} created for ${created.email}.`);
    } catch (err) {
      setCreateProblem(err as ApiProblem);
    }
  };

  const lookup = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    setNotice(null);
    try {
      show(await get<AdminAccount>(`/admin/accounts/${encodeURIComponent(lookupId)}`));
    } catch (err) {
      setProblem(err as ApiProblem);
    }
  };

  // The tenant's bot configuration and own bot, deleted (DELETE /admin/bots/{id}; refused while running).
  const deleteBot = async () => {
    if (!account) return;
    setProblem(null);
    setNotice(null);
    try {
      await del(`/admin/bots/${account.id}`);
      setBot(null);
      setNotice(`Tenant ${account.id}'s bot configuration and own bot deleted.`);
    } catch (err) {
      setProblem(err as ApiProblem);
    }
  };

  const savePlan = async (e: Event) => {
    e.preventDefault();
    if (!account) return;
    setProblem(null);
    try {
      show(await put<AdminAccount>(`/admin/accounts/${account.id}/plan`, planBody(accountPlan)));
      setReload(reload + 1);
      setNotice("Plan saved.");
    } catch (err) {
      setProblem(err as ApiProblem);
    }
  };

  return (
    <Screen title="Tenants">
      {notice && <Notice>{notice}</Notice>}
      <div class="grid">
        <form class="card" onSubmit={create} aria-labelledby="new-tenant">
          <h2 id="new-tenant">New account</h2>
          <ProblemAlert problem={createProblem} />
          <Field label="Email" error={createProblem?.forField("email")}>
            {(p) => <input {...p} type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
          </Field>
          <Field label="Role" error={createProblem?.forField("role")}>
            {(p) => (
              <select {...p} value={role} onChange={(e) => setRole(e.currentTarget.value)}>
                <option value="USER">Tenant (USER)</option>
                <option value="ADMIN">Admin</option>
                <option value="OWNER">Owner</option>
              </select>
            )}
          </Field>
          <Field label="Initial password" error={createProblem?.forField("password")} hint="12 characters or more.">
            {(p) => <input {...p} type="password" autoComplete="new-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />}
          </Field>
          <PlanFields draft={plan} onChange={setPlan} problem={createProblem} prefix="plan." />
          <button type="submit">Create account</button>
        </form>
        <div>
          <form class="card" onSubmit={lookup} aria-labelledby="open-tenant">
            <h2 id="open-tenant">Open an account</h2>
            <ProblemAlert problem={problem} />
            <Field label="Account id">
              {(p) => <input {...p} type="number" min={1} required value={lookupId} onInput={(e) => setLookupId(e.currentTarget.value)} />}
            </Field>
            <button type="submit">Open</button>
          </form>
          {account && (
            <form class="card" onSubmit={savePlan} aria-labelledby="tenant-heading">
              <h2 id="tenant-heading">
                Account {account.id}: {account.email ?? account.subject}
              </h2>
              <dl class="facts">
                <dt>Role</dt>
                <dd>{account.role}</dd>
                <dt>Effective plan</dt>
                <dd>{account.effective_plan_status}</dd>
                <dt>Plan updated</dt>
                <dd>{when(account.plan_updated_at)}</dd>
                <dt>Created</dt>
                <dd>{when(account.created_at)}</dd>
              </dl>
              <div class="actions">
                <SuspendControls
                  accountId={account.id}
                  suspended={suspended}
                  onProblem={setProblem}
                  onDone={(bot, message) => {
                    setProblem(null);
                    setSuspended(bot.stop_reason === "ADMIN_SUSPENDED");
                    setNotice(message);
                  }}
                />
                <button type="button" class="danger" onClick={deleteBot}>
                  Delete bot
                </button>
              </div>
              <PlanFields draft={accountPlan} onChange={setAccountPlan} problem={problem} prefix="" />
              <button type="submit">Save plan</button>
            </form>
          )}
          {account && bot?.account_id === account.id && bot.user_bot && (
            <section class="card" aria-labelledby="own-bot-heading">
              <h2 id="own-bot-heading">Own bot of account {account.id}</h2>
              <RateLimitControls
                accountId={account.id}
                userBot={bot.user_bot}
                onProblem={setProblem}
                onDone={(updated, message) => {
                  setProblem(null);
                  setBot(updated);
                  setNotice(message);
                }}
              />
            </section>
          )}
        </div>
      </div>
      <PagedList<AdminAccount>
        path="/admin/accounts"
        reload={reload}
        label="Accounts"
        caption="Every account, by id"
        rowKey={(a) => a.id}
        rowProps={(a) => ({ "data-account": a.id })}
        columns={[
          { header: "Id", cell: (a) => a.id },
          { header: "Email", cell: (a) => a.email ?? a.subject },
          { header: "Role", cell: (a) => a.role },
          { header: "Plan", cell: (a) => a.effective_plan_status },
          {
            header: "Action",
            className: "row-actions",
            cell: (a) => (
              <button type="button" class="secondary" onClick={() => show(a)} aria-label={`Open account ${a.id}`}>
                Open
              </button>
            ),
          },
        ]}
      />
    </Screen>
  );
}

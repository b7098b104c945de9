import { useState } from "preact/hooks";
import { put } from "../api";
import type { ApiProblem } from "../problem";
import type { AdminBot, UserBot } from "../types";
import { Field } from "../ui";

/**
 * A tenant's own bot's request limits (PUT /admin/bots/{id}/rate-limits): how many of its Bot API
 * requests start in a second and how many are in flight at once. Herald applies a change within
 * 30 s of the bot's next request; the bot's request count is shown beside them. A refused value is
 * shown at its field; any other problem goes to the screen.
 */
export function RateLimitControls({ accountId, userBot, onDone, onProblem }: { accountId: number; userBot: UserBot; onDone: (bot: AdminBot, message: string) => void; onProblem: (p: ApiProblem) => void }) {
  const [perSecond, setPerSecond] = useState(String(userBot.rate_limit_rps));
  const [atOnce, setAtOnce] = useState(String(userBot.max_concurrent_requests));
  const [refused, setRefused] = useState<ApiProblem | null>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    setRefused(null);
    try {
      const bot = await put<AdminBot>(`/admin/bots/${accountId}/rate-limits`, {
        rate_limit_rps: Number(perSecond),
        max_concurrent_requests: Number(atOnce),
      });
      onDone(bot, `Tenant ${accountId}'s own bot: ${bot.user_bot?.rate_limit_rps} requests a second, ${bot.user_bot?.max_concurrent_requests} at once.`);
    } catch (err) {
      const problem = err as ApiProblem;
      if (problem.errors?.length) setRefused(problem);
      else onProblem(problem);
    }
  };
  return (
    <form class="inline-form" onSubmit={save} aria-label={`Request limits of tenant ${accountId}'s own bot`} noValidate>
      <p class="muted">
        {userBot.username ? `@${userBot.username}` : userBot.token_masked}: {userBot.total_requests} requests made
      </p>
      <Field label={`Requests a second for tenant ${accountId}`} error={refused?.forField("rate_limit_rps")} hint="1 to 30">
        {(p) => <input {...p} type="number" min={1} max={30} required value={perSecond} onInput={(e) => setPerSecond(e.currentTarget.value)} />}
      </Field>
      <Field label={`Requests at once for tenant ${accountId}`} error={refused?.forField("max_concurrent_requests")} hint="1 to 100">
        {(p) => <input {...p} type="number" min={1} max={100} required value={atOnce} onInput={(e) => setAtOnce(e.currentTarget.value)} />}
      </Field>
      <button type="submit" class="secondary">
        Save limits
      </button>
    </form>
  );
}

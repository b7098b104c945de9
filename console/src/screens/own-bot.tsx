import { useEffect, useState } from "preact/hooks";
import { call, get, post } from "../api";
import type { ApiProblem } from "../problem";
import type { UserBot } from "../types";
import { Field, Notice, ProblemAlert, Screen, useActions, when } from "../ui";

/** The tenant's own Bot API bot: add it, verify it, see its status. Its token is only ever masked. */
export function OwnBot() {
  const [bot, setBot] = useState<UserBot | null | undefined>(undefined);
  const [token, setToken] = useState("");
  const [testChat, setTestChat] = useState("");
  const { problem, notice, run, setProblem } = useActions();

  useEffect(() => {
    get<UserBot>("/user-bot").then(setBot, (e: ApiProblem) => (e.status === 404 ? setBot(null) : setProblem(e)));
  }, []);

  const add = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      setBot(await post<UserBot>("/user-bot", { token }));
      setToken("");
      return "Added. Verify it to let it post.";
    });
  };
  const verify = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      setBot(await post<UserBot>("/user-bot/verify", testChat ? { test_chat: testChat } : {}));
      return "Verified.";
    });
  };
  const remove = () =>
    run(async () => {
      await call<void>("DELETE", "/user-bot");
      setBot(null);
      return "Removed.";
    });

  return (
    <Screen title="Own bot">
      <p>Your own Telegram bot (from @BotFather) posts before the shared sessions.</p>
      <ProblemAlert problem={problem} />
      {notice && <Notice>{notice}</Notice>}
      {bot === null && (
        <form class="card" onSubmit={add}>
          <h2>Add your bot</h2>
          <Field label="Bot token" error={problem?.forField("token")} hint="Stored encrypted; shown masked only.">
            {(p) => <input {...p} type="password" name="token" autoComplete="off" required value={token} onInput={(e) => setToken(e.currentTarget.value)} />}
          </Field>
          <button type="submit">Add bot</button>
        </form>
      )}
      {bot && (
        <>
          <section class="card" aria-labelledby="bot-heading">
            <h2 id="bot-heading">{bot.username ? `@${bot.username}` : "Your bot"}</h2>
            <dl class="facts">
              <dt>Token</dt>
              <dd>{bot.token_masked}</dd>
              <dt>Status</dt>
              <dd>{bot.status}</dd>
              <dt>Verified</dt>
              <dd>{bot.verified ? `yes, ${when(bot.verified_at)}` : "not yet"}</dd>
              {bot.suspension_reason && (
                <>
                  <dt>Suspended because</dt>
                  <dd>{bot.suspension_reason}</dd>
                </>
              )}
              <dt>Requests sent</dt>
              <dd>{bot.total_requests}</dd>
            </dl>
            <button type="button" class="secondary" onClick={remove}>
              Remove bot
            </button>
          </section>
          <form class="card" onSubmit={verify}>
            <h2>Verify</h2>
            <Field label="Test chat (optional)" error={problem?.forField("test_chat")} hint="A chat to send a test message to.">
              {(p) => <input {...p} type="text" name="test_chat" value={testChat} onInput={(e) => setTestChat(e.currentTarget.value)} />}
            </Field>
            <button type="submit">Verify bot</button>
          </form>
        </>
      )}
    </Screen>
  );
}

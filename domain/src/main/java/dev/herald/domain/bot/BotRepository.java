package dev.herald.domain.bot;

import java.util.Optional;

/** Where bots live, one per account. */
public interface BotRepository {

  Optional<Bot> findByAccountId(long accountId);

  Bot save(Bot bot);

  /**
   * Stops a running (or stopping) bot for {@code reason}: STOPPING while its cycle is in flight (it
   * holds a lease; the engine settles it when the post in flight has finished), else STOPPED. Done
   * as one atomic step against the row, because the lease is the engine's: a stop decided on a
   * lease read earlier could leave a bot STOPPING after its cycle completed. A stopped or suspended
   * bot is left as it is. Returns the bot as it is now.
   */
  Optional<Bot> requestStop(long accountId, StopReason reason);

  /**
   * After a schedule change: a running bot whose next cycle was deferred beyond its delay (to the
   * next active window or the tenant's next day) is due now, so the engine plans it again under the
   * new schedule. A bot that is not deferred keeps its next run: a save never shortens a delay.
   * Returns whether it was due again.
   */
  boolean replanDeferred(long accountId);

  /**
   * After a plan change or a new configuration: a cycle running now was planned under the old
   * terms, so it ends after its posts in flight and is continued under the new ones, its chats
   * already attempted left out (SPEC rule 18; {@code DeliveryStart.CYCLE_OUTDATED}).
   */
  void outdateRunningCycle(long accountId);
}

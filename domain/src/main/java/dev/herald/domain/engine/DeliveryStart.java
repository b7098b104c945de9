package dev.herald.domain.engine;

/** Whether a post may be sent. */
public enum DeliveryStart {
  /** The record is written: send now. */
  SEND,
  /**
   * A record exists for this chat in this cycle: a send may have happened, never send again (a
   * record whose sender sent nothing is reopened once instead: {@code SEND}).
   */
  ALREADY_ATTEMPTED,
  /** The bot is no longer running here (stopped, suspended, or its lease is gone). */
  BOT_NOT_RUNNING,
  /**
   * The cycle was planned under terms since changed (the plan, the configuration): no record is
   * written; the run ends after its posts in flight and hands the cycle back, to be continued under
   * the new terms (SPEC rule 18).
   */
  CYCLE_OUTDATED
}

package dev.herald.domain.engine;

import java.time.Duration;

/** What the engine does after a send, decided by {@link OutcomePolicy}. */
public record OutcomeAction(Kind kind, Duration coolDown, String reason) {

  public enum Kind {
    /** Delivered: count it and go on. */
    CONTINUE,
    /** This chat failed (forbidden, not found, transient): log it, go on with the next chat. */
    SKIP_CHAT,
    /**
     * Telegram refused the post itself: no other chat of this cycle is sent that same post (each
     * would refuse it too), the tenant is told why, and the lane goes on with its next chat, whose
     * variant of the text may differ.
     */
    DROP_POST,
    /** The sender must wait: it stops for this cycle and cools down for {@code coolDown}. */
    COOL_DOWN_SENDER,
    /** The sender is gone: ban it, replace it from the pool, stop its share for this cycle. */
    BAN_SENDER,
    /**
     * The session cannot send now for a reason that is not a ban: it leaves this cycle and is
     * parked {@code UNAVAILABLE} for {@code coolDown} (it stays with its account and comes back by
     * itself). The bot goes on with its other senders.
     */
    PARK_UNAVAILABLE,
    /**
     * The session is not logged in: it is parked {@code NEEDS_LOGIN}, leaves its account and is
     * replaced from the pool like a banned one, but it is not banned: an admin's new login returns
     * it to the pool.
     */
    PARK_NEEDS_LOGIN
  }

  static OutcomeAction of(Kind kind, String reason) {
    return new OutcomeAction(kind, Duration.ZERO, reason);
  }
}

package dev.herald.domain.engine;

import java.time.Duration;

/** What the engine does after a send, decided by {@link OutcomePolicy}. */
public record OutcomeAction(Kind kind, Duration coolDown, String reason) {

  public enum Kind {
    /** Delivered: count it and go on. */
    CONTINUE,
    /** This chat failed (forbidden, not found, transient): log it, go on with the next chat. */
    SKIP_CHAT,
    /** The sender must wait: it stops for this cycle and cools down for {@code coolDown}. */
    COOL_DOWN_SENDER,
    /** The sender is gone: ban it, replace it from the pool, stop its share for this cycle. */
    BAN_SENDER
  }

  static OutcomeAction of(Kind kind, String reason) {
    return new OutcomeAction(kind, Duration.ZERO, reason);
  }
}

package dev.herald.persistence.engine;

import dev.herald.domain.telegram.SendOutcome;

/** A short, log-safe description of a failed outcome for the delivery record. */
final class Outcomes {

  private Outcomes() {}

  static String describe(SendOutcome outcome) {
    return fitted(outcome.detail());
  }

  /** {@code text} cut to the 500 characters the engine's text columns hold. */
  static String fitted(String text) {
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}

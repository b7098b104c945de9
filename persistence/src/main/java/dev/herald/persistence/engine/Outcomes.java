package dev.herald.persistence.engine;

import dev.herald.domain.telegram.SendOutcome;

/** A short, log-safe description of a failed outcome for the delivery record. */
final class Outcomes {

  private Outcomes() {}

  static String describe(SendOutcome outcome) {
    String text = outcome.detail();
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}

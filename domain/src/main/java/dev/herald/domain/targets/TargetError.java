package dev.herald.domain.targets;

import java.util.Objects;

/** Why a sender cannot post in a chat now: a stable code and a sentence saying what to do. */
public record TargetError(String code, String message) {

  public TargetError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}

package dev.herald.domain.targets;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What Herald knows of one chat for one sender: the resolved chat id ({@code 0} until resolved, so
 * a username is resolved once and never again), the title, the membership, the chat's slow mode,
 * the next time this sender may post there ({@code nextPostAt}: slow mode, a flood wait, a paced
 * join or the next check of a join request), when it last joined (for pacing) and the last error.
 */
public record ChatTarget(
    TargetKey key,
    long chatId,
    String title,
    TargetMembership membership,
    int slowModeSeconds,
    Optional<Instant> nextPostAt,
    Optional<Instant> joinedAt,
    Optional<TargetError> lastError) {

  public ChatTarget {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(membership, "membership");
    Objects.requireNonNull(nextPostAt, "nextPostAt");
    Objects.requireNonNull(joinedAt, "joinedAt");
    Objects.requireNonNull(lastError, "lastError");
  }

  public boolean resolved() {
    return chatId != 0;
  }

  /** True when this sender may post there at {@code now} without asking Telegram first. */
  public boolean readyAt(Instant now) {
    return membership == TargetMembership.JOINED && !waitsAt(now);
  }

  /** True while {@code nextPostAt} lies after {@code now}. */
  public boolean waitsAt(Instant now) {
    return nextPostAt.map(next -> next.isAfter(now)).orElse(false);
  }

  /** The same target, told it may post next at {@code next}. */
  public ChatTarget waitUntil(Instant next, Optional<TargetError> error) {
    return new ChatTarget(
        key, chatId, title, membership, slowModeSeconds, Optional.of(next), joinedAt, error);
  }
}

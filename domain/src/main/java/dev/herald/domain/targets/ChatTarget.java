package dev.herald.domain.targets;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What Herald knows of one chat for one sender: the resolved chat id ({@code 0} until resolved, so
 * a username is resolved once and never again), the title, the membership, the chat's slow mode,
 * the next time this sender may post there ({@code nextPostAt}: slow mode, a flood wait, a paced
 * join or the next check of a join request), when it last joined (for pacing) and the last error.
 *
 * <p>For Telegram's spam limit ({@link TargetRules#beforeSend}): {@code memberSince}, when the
 * sender became a member as far as Herald saw it (its own join, an approved join request, or a chat
 * that admitted it on contact; empty when it was a member before Herald knew the chat), and {@code
 * postedNewAt}, when Herald first posted there (an attempt) while the sender was new in the chat.
 */
public record ChatTarget(
    TargetKey key,
    long chatId,
    String title,
    TargetMembership membership,
    int slowModeSeconds,
    Optional<Instant> nextPostAt,
    Optional<Instant> joinedAt,
    Optional<TargetError> lastError,
    Optional<Instant> memberSince,
    Optional<Instant> postedNewAt) {

  public ChatTarget {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(membership, "membership");
    Objects.requireNonNull(nextPostAt, "nextPostAt");
    Objects.requireNonNull(joinedAt, "joinedAt");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(memberSince, "memberSince");
    Objects.requireNonNull(postedNewAt, "postedNewAt");
  }

  public boolean resolved() {
    return chatId != 0;
  }

  /**
   * True when this sender may post there at {@code now} without asking Telegram first. A target
   * whose topic Telegram refused (closed, or a chat that is no forum, where a topic's post would go
   * out as a reply) is prepared again first, whatever its membership.
   */
  public boolean readyAt(Instant now) {
    return membership == TargetMembership.JOINED
        && !waitsAt(now)
        && !lastErrorIs(TargetErrors.TOPIC_UNAVAILABLE);
  }

  /** True while {@code nextPostAt} lies after {@code now}. */
  public boolean waitsAt(Instant now) {
    return nextPostAt.map(next -> next.isAfter(now)).orElse(false);
  }

  /** True when the last error has the code {@code code} ({@link TargetErrors}). */
  public boolean lastErrorIs(String code) {
    return lastError.map(error -> code.equals(error.code())).orElse(false);
  }

  /** True while the sender is new in the chat: it became a member less than {@code window} ago. */
  public boolean newAt(Instant now, Duration window) {
    return memberSince.map(since -> since.plus(window).isAfter(now)).orElse(false);
  }

  /** The same target, told it may post next at {@code next}. */
  public ChatTarget waitUntil(Instant next, Optional<TargetError> error) {
    return with(membership, Optional.of(next), error);
  }

  /** The same target with another membership, next post time and error. */
  public ChatTarget with(
      TargetMembership newMembership, Optional<Instant> next, Optional<TargetError> error) {
    return copy(newMembership, next, error, postedNewAt);
  }

  /** The same target with the chat's slow mode delay {@code seconds}. */
  public ChatTarget withSlowMode(int seconds) {
    return new ChatTarget(
        key,
        chatId,
        title,
        membership,
        seconds,
        nextPostAt,
        joinedAt,
        lastError,
        memberSince,
        postedNewAt);
  }

  /** The same target, first posted to while new at {@code at}. */
  public ChatTarget postedNew(Instant at) {
    return copy(membership, nextPostAt, lastError, Optional.of(at));
  }

  private ChatTarget copy(
      TargetMembership newMembership,
      Optional<Instant> next,
      Optional<TargetError> error,
      Optional<Instant> firstPostedNewAt) {
    return new ChatTarget(
        key,
        chatId,
        title,
        newMembership,
        slowModeSeconds,
        next,
        joinedAt,
        error,
        memberSince,
        firstPostedNewAt);
  }
}

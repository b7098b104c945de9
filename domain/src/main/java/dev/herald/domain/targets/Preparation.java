package dev.herald.domain.targets;

import dev.herald.domain.telegram.ChatReference;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A transport's answer to "prepare this chat for this sender": the membership it found or made, the
 * resolved chat id ({@code 0} when it could not be resolved), title and slow mode when it learned
 * them, whether it spent a join now ({@code joined}: counts against the join pacing), whether the
 * sender became a member now ({@code becameMember}: a join, or a chat that admitted it on contact;
 * from then on it is new there for Telegram's spam limit), how long Telegram asked to wait ({@code
 * retryAfter}, e.g. a flood wait on the username budget) and the error the tenant should see.
 */
public record Preparation(
    TargetMembership membership,
    long chatId,
    String title,
    int slowModeSeconds,
    boolean joined,
    boolean becameMember,
    Duration retryAfter,
    Optional<TargetError> error) {

  public Preparation {
    Objects.requireNonNull(membership, "membership");
    Objects.requireNonNull(retryAfter, "retryAfter");
    Objects.requireNonNull(error, "error");
  }

  /** The sender may post: resolved (or addressable as written, {@code chatId} 0) and a member. */
  public static Preparation ready(long chatId, String title, int slowModeSeconds, boolean joined) {
    return new Preparation(
        TargetMembership.JOINED,
        chatId,
        title,
        slowModeSeconds,
        joined,
        joined,
        Duration.ZERO,
        Optional.empty());
  }

  /** The same answer after a join spent now: it counts against the pacing. */
  public Preparation joinedNow() {
    return memberFromNow(true);
  }

  /**
   * The same answer for a chat that made the sender a member on contact, without a join to pace
   * (the sandbox's open world): it is new there all the same.
   */
  public Preparation admitted() {
    return memberFromNow(joined);
  }

  /** A sender that is a member after this answer became one now: new there from now on. */
  private Preparation memberFromNow(boolean joinSpent) {
    return new Preparation(
        membership,
        chatId,
        title,
        slowModeSeconds,
        joinSpent,
        membership == TargetMembership.JOINED,
        retryAfter,
        error);
  }

  /**
   * A join was spent (it counts against the pacing) without making the sender a member: a request
   * waiting for approval ({@link TargetMembership#JOIN_REQUESTED}), or a declined join.
   */
  public static Preparation joinSpent(
      TargetMembership membership, long chatId, String title, TargetError error) {
    return new Preparation(
        membership, chatId, title, 0, true, false, Duration.ZERO, Optional.of(error));
  }

  /** The sender cannot post there now, for the reason in {@code error}. */
  public static Preparation blocked(
      TargetMembership membership, long chatId, String title, TargetError error) {
    return new Preparation(
        membership, chatId, title, 0, false, false, Duration.ZERO, Optional.of(error));
  }

  /**
   * The target names a topic of a chat that is no forum (every transport's preparation finds it
   * before anything is joined: TDLib would post there as a reply to the message of that id):
   * checked again after {@link TargetRules#BLOCKED_RECHECK}, and prepared again before any post
   * ({@link ChatTarget#readyAt}); {@code standing} is the sender's membership as found, kept as the
   * record knew it when it knew one.
   */
  public static Preparation notAForum(
      ChatReference target, TargetMembership standing, long chatId, String title) {
    return new Preparation(
        standing,
        chatId,
        title,
        0,
        false,
        false,
        TargetRules.BLOCKED_RECHECK,
        Optional.of(TargetErrors.notAForum(target.chat().canonical(), target.topic())));
  }

  /** Telegram asked to wait before the next try (a flood wait while resolving or joining). */
  public static Preparation retryAfter(Duration wait, TargetError error) {
    return new Preparation(
        TargetMembership.NOT_MEMBER, 0, null, 0, false, false, wait, Optional.of(error));
  }

  public Preparation withChatId(long id, String chatTitle) {
    return new Preparation(
        membership, id, chatTitle, slowModeSeconds, joined, becameMember, retryAfter, error);
  }
}

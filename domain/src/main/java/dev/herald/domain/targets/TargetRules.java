package dev.herald.domain.targets;

import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a target record changes: after a transport prepared the chat, and after a send. Rules:
 *
 * <ul>
 *   <li>A session joins at most {@code joinsPerHour} chats per rolling hour (people who joined ~200
 *       groups at once got flood waits of ~70 000 s); a chat whose join is paced waits for the
 *       sender's next free join, it is not failed.
 *   <li>A flood wait Telegram answers while a chat is prepared (a join, a username lookup) holds
 *       every chat the sender would still prepare until it ends ({@link #preparationsHeldUntil}):
 *       Telegram counts those requests per account, and asking again inside the wait only earns
 *       longer ones.
 *   <li>A join request is checked again after {@link #JOIN_REQUEST_RECHECK}; a bot that was not
 *       added after {@link #NOT_MEMBER_RECHECK} (the tenant may add it any minute); a ban or a
 *       read-only chat after {@link #BLOCKED_RECHECK}.
 *   <li>Telegram spam-limits an account ({@code PEER_FLOOD}, for a day or for good) that sends one
 *       text to more than about 20 chats it joined within the last day. A session posts to a chat
 *       it is new in only while fewer than {@code newChatsPerDay} other chats it was new in got its
 *       posts lately ({@link #beforeSend}); the others wait until it is no longer new there or a
 *       counted chat leaves the count.
 *   <li>After a delivery the sender waits the chat's slow mode (or Telegram's per-chat interval)
 *       before its next post there; {@code SLOWMODE_WAIT}, a Bot API 429 and TDLib's "retry after
 *       N" set that (sender, chat)'s next post time to what Telegram asked (SPEC rule 16).
 * </ul>
 */
public final class TargetRules {

  public static final Duration JOIN_REQUEST_RECHECK = Duration.ofMinutes(10);
  public static final Duration NOT_MEMBER_RECHECK = Duration.ofMinutes(1);
  public static final Duration BLOCKED_RECHECK = Duration.ofHours(1);

  /** The slow mode delays Telegram lets a chat's admins choose, in seconds. */
  private static final int[] SLOW_MODE_DELAYS = {10, 30, 60, 300, 900, 3600};

  private static final Duration HOUR = Duration.ofHours(1);

  /** Telegram's spam limit counts the chats an account joined within the last day. */
  private static final int NEW_IN_CHAT_HOURS = 24;

  /** Telegram's observed figure: one text to more than 20 chats an account is new in. */
  public static final int NEW_CHATS_PER_DAY = 20;

  private final int joinsPerHour;
  private final Duration joinWindow;
  private final int newChatsPerDay;
  private final Duration newInChat;

  /** How long a chat posted to while new counts: Telegram's day of newness plus a text's day. */
  private final Duration countedFor;

  public TargetRules(int joinsPerHour) {
    this(joinsPerHour, HOUR, NEW_CHATS_PER_DAY);
  }

  /**
   * {@code joinWindow}: the rolling window the joins are counted over, an hour; shorter only for a
   * simulated day on the sandbox's model, whose clock runs faster by the same factor ({@code
   * bench/day.sh}); the day a session stays new in a chat is 24 such windows. {@code
   * newChatsPerDay}: how many chats a session posts to while new in them ({@link #beforeSend}).
   */
  public TargetRules(int joinsPerHour, Duration joinWindow, int newChatsPerDay) {
    if (joinsPerHour < 1) {
      throw new IllegalArgumentException("joins per hour must be at least 1");
    }
    if (joinWindow.isNegative() || joinWindow.isZero()) {
      throw new IllegalArgumentException("the join window must be positive");
    }
    if (newChatsPerDay < 1) {
      throw new IllegalArgumentException("new chats per day must be at least 1");
    }
    this.joinsPerHour = joinsPerHour;
    this.joinWindow = joinWindow;
    this.newChatsPerDay = newChatsPerDay;
    this.newInChat = joinWindow.multipliedBy(NEW_IN_CHAT_HOURS);
    this.countedFor = newInChat.multipliedBy(2);
  }

  public int joinsPerHour() {
    return joinsPerHour;
  }

  /**
   * Since when a sender's records count for {@link #nextJoinAt} and {@link #beforeSend}: a record
   * that joined and became a member before is counted by neither.
   */
  public Instant historySince(Instant now) {
    return now.minus(countedFor.compareTo(joinWindow) > 0 ? countedFor : joinWindow);
  }

  /**
   * When this sender may join its next chat, given its own targets (of every account it posts for):
   * now, or an hour after the oldest of the joins that fill its hour.
   */
  public Instant nextJoinAt(Collection<ChatTarget> senderTargets, Instant now) {
    Instant hourAgo = now.minus(joinWindow);
    var recent =
        senderTargets.stream()
            .flatMap(target -> target.joinedAt().stream())
            .filter(at -> at.isAfter(hourAgo))
            .sorted()
            .toList();
    if (recent.size() < joinsPerHour) {
      return now;
    }
    return recent.get(recent.size() - joinsPerHour).plus(joinWindow);
  }

  /**
   * Until when the sender's preparations wait: the end of the latest flood wait Telegram answered
   * while one of its chats was prepared (a record not joined, waiting, {@code FLOOD_WAIT}), given
   * the records the cycle has of it (its account's, and those elsewhere that count for its joins);
   * empty when none holds. A flood wait answered to a send is the chat's only: a joined record
   * never holds.
   */
  public Optional<Instant> preparationsHeldUntil(
      Collection<ChatTarget> senderTargets, Instant now) {
    return senderTargets.stream()
        .filter(target -> target.membership() != TargetMembership.JOINED && target.waitsAt(now))
        .filter(target -> target.lastErrorIs(TargetErrors.FLOOD_WAIT))
        .flatMap(target -> target.nextPostAt().stream())
        .max(Comparator.naturalOrder());
  }

  /**
   * The record of a chat not prepared at {@code now} because the sender's preparations wait until
   * {@code until} ({@link #preparationsHeldUntil}): as if Telegram had answered it the same wait.
   */
  public ChatTarget heldBack(
      TargetKey key, Optional<ChatTarget> known, Instant until, Instant now) {
    Preparation held =
        Preparation.retryAfter(Duration.between(now, until), TargetErrors.preparationsHeld(until));
    return prepared(key, known, held, now, now);
  }

  /**
   * True while a tenant's bot found not added to the chat was found so less than {@link
   * #BLOCKED_RECHECK} ago (its record's next check is {@link #NOT_MEMBER_RECHECK} after that
   * check): the chat then goes to a session that can post there, and the bot checks again after the
   * hour, so a bot added later takes its part again.
   */
  public static boolean botNotAddedLately(ChatTarget target, Instant now) {
    return target.key().senderKind() == Sender.Kind.USER_BOT
        && target.membership() == TargetMembership.NOT_MEMBER
        && target.lastErrorIs(TargetErrors.BOT_NOT_MEMBER)
        && target
            .nextPostAt()
            .map(next -> next.minus(NOT_MEMBER_RECHECK).plus(BLOCKED_RECHECK).isAfter(now))
            .orElse(false);
  }

  /** The record after the transport prepared the chat at {@code now}. */
  public ChatTarget prepared(
      TargetKey key,
      Optional<ChatTarget> known,
      Preparation prepared,
      Instant now,
      Instant nextJoin) {
    long chatId =
        prepared.chatId() != 0 ? prepared.chatId() : known.map(ChatTarget::chatId).orElse(0L);
    String title =
        prepared.title() != null ? prepared.title() : known.map(ChatTarget::title).orElse(null);
    int slowMode =
        prepared.slowModeSeconds() > 0
            ? prepared.slowModeSeconds()
            : known.map(ChatTarget::slowModeSeconds).orElse(0);
    Optional<Instant> joinedAt =
        prepared.joined() ? Optional.of(now) : known.flatMap(ChatTarget::joinedAt);
    // A member after its join request was approved: new there from now. (A join sets becameMember;
    // a chat found joined again after a refused send was never left, and is not new.)
    boolean memberAgain =
        known.isPresent()
            && known.get().membership() == TargetMembership.JOIN_REQUESTED
            && prepared.membership() == TargetMembership.JOINED;
    // A wait Telegram asked for (a flood wait while checking) says nothing of the membership.
    TargetMembership membership =
        !prepared.retryAfter().isZero() && known.isPresent()
            ? known.get().membership()
            : prepared.membership();
    Optional<Instant> memberSince =
        prepared.becameMember() || memberAgain
            ? Optional.of(now)
            : known.flatMap(ChatTarget::memberSince);
    Optional<TargetError> error = prepared.error();
    Optional<Instant> next = Optional.empty();
    if (!prepared.retryAfter().isZero()) {
      next = Optional.of(now.plus(prepared.retryAfter()));
    } else if (error.map(e -> TargetErrors.JOIN_PACED.equals(e.code())).orElse(false)) {
      next = Optional.of(nextJoin);
      error = Optional.of(TargetErrors.joinPaced(joinsPerHour, nextJoin));
    } else if (membership != TargetMembership.JOINED) {
      next = Optional.of(now.plus(recheck(membership)));
    }
    return new ChatTarget(
        key,
        chatId,
        title,
        membership,
        slowMode,
        next,
        joinedAt,
        error,
        memberSince,
        known.flatMap(ChatTarget::postedNewAt));
  }

  /**
   * The record before a session posts to a ready chat at {@code now}: {@code target} itself when
   * nothing changes, the target marked as posted while new ({@link ChatTarget#postedNewAt}; an
   * attempt counts, whatever its outcome), or the target held back until {@code from} when the
   * sender is new there and {@code newChatsPerDay} of its other chats it was new in are still
   * counted ({@code senderTargets}: the sender's records, asked only when the sender is new here).
   *
   * <p>Why this never lets one text reach more than {@code newChatsPerDay} chats the sender is new
   * in, whatever texts the bot rotates: Telegram counts a text's chats for a day from its first
   * send, and a chat counts when the account was new there at that send; such a chat became a
   * member less than two days ago and was posted to while new, so it is counted here (a chat the
   * sender was a member of before Herald knew it is not: Herald cannot tell when it joined).
   */
  public ChatTarget beforeSend(
      ChatTarget target, Supplier<Collection<ChatTarget>> senderTargets, Instant now) {
    if (target.key().senderKind() != Sender.Kind.SESSION || !target.newAt(now, newInChat)) {
      return target;
    }
    var releases =
        senderTargets.get().stream()
            .filter(other -> !other.key().equals(target.key()) && other.postedNewAt().isPresent())
            .flatMap(other -> other.memberSince().stream())
            .map(since -> since.plus(countedFor))
            .filter(release -> release.isAfter(now))
            .sorted()
            .toList();
    if (releases.size() < newChatsPerDay) {
      return target.postedNewAt().isPresent() ? target : target.postedNew(now);
    }
    Instant notNewAnyMore = target.memberSince().orElseThrow().plus(newInChat);
    Instant slotFree = releases.get(releases.size() - newChatsPerDay);
    Instant from = slotFree.isBefore(notNewAnyMore) ? slotFree : notNewAnyMore;
    return target.waitUntil(from, Optional.of(TargetErrors.newChatsLimit(newChatsPerDay, from)));
  }

  /**
   * The least time between two posts of one sender in one chat under Telegram's per-chat limits
   * (the model's {@code TelegramLimits.telegram()}): about one message per second for anyone, 20 a
   * minute for a bot in a group.
   */
  public static Duration perChatInterval(Sender.Kind kind) {
    return kind == Sender.Kind.USER_BOT ? Duration.ofSeconds(3) : Duration.ofSeconds(1);
  }

  /**
   * The least time between two posts of one sender, whatever the chats: Telegram's per-account
   * limit (the model's {@code TelegramLimits.telegram()}), 30 messages a second, rounded up. A plan
   * may allow 0 s between posts; a cycle with more than 30 groups would then earn its sender a
   * flood wait without this floor.
   */
  public static final Duration PER_SENDER_INTERVAL = Duration.ofMillis(34);

  /**
   * The record after a send's outcome, or empty when the send changed nothing worth writing. After
   * a delivery the sender waits the chat's slow mode or its per-chat interval, whichever is longer;
   * that wait is stored only when the next cycle could come sooner ({@code cycleGap}, the bot's
   * delay between cycles), so a bot whose cycles are spaced wider costs no write per post.
   */
  public Optional<ChatTarget> afterSend(
      ChatTarget target, SendOutcome outcome, Instant now, Duration cycleGap) {
    if (outcome instanceof SendOutcome.Delivered) {
      Duration wait = Duration.ofSeconds(target.slowModeSeconds());
      Duration interval = perChatInterval(target.key().senderKind());
      if (interval.compareTo(wait) > 0) {
        wait = interval;
      }
      if (wait.compareTo(cycleGap) > 0) {
        return Optional.of(target.waitUntil(now.plus(wait), Optional.empty()));
      }
      return target.lastError().isPresent() || target.nextPostAt().isPresent()
          ? Optional.of(target.with(TargetMembership.JOINED, Optional.empty(), Optional.empty()))
          : Optional.empty();
    }
    if (outcome instanceof SendOutcome.SlowMode slow) {
      // Slow mode switched on or changed since the chat was prepared: its delay as the transport
      // read it, else at least the wait Telegram asked, so the posts after this one keep to it
      // (rule 16).
      int delay =
          slow.delaySeconds() > 0
              ? slow.delaySeconds()
              : Math.max(target.slowModeSeconds(), slowModeAtLeast(slow.retryAfter()));
      return Optional.of(
          target
              .withSlowMode(delay)
              .waitUntil(
                  now.plus(slow.retryAfter()),
                  Optional.of(TargetErrors.slowMode(slow.retryAfter()))));
    }
    if (outcome instanceof SendOutcome.FloodWait flood) {
      return Optional.of(
          target.waitUntil(
              now.plus(flood.retryAfter()),
              Optional.of(TargetErrors.floodWait(flood.retryAfter()))));
    }
    // A refused send is shown, not turned into a wait: the chat is tried again next cycle (a tenant
    // may fix the permission any minute). Not as joined, though: the sender was removed, banned or
    // restricted since the chat was prepared, so the next cycle prepares it again (reads the
    // sender's standing; a removed session joins again at the join pace) instead of repeating a
    // send Telegram refuses.
    if (outcome instanceof SendOutcome.ChatForbidden) {
      return Optional.of(
          target.with(
              TargetMembership.NOT_MEMBER,
              Optional.empty(),
              Optional.of(TargetErrors.writeForbidden(target.key().chat()))));
    }
    // A closed or missing topic waits for a person (the group's admins, or the tenant changing the
    // target): tried again after the hour, not refused at every cycle meanwhile. The sender stays
    // a member: nothing is joined again.
    if (outcome instanceof SendOutcome.TopicUnavailable topic) {
      Instant next = now.plus(BLOCKED_RECHECK);
      return Optional.of(
          target.waitUntil(
              next,
              Optional.of(
                  TargetErrors.topicUnavailable(target.key().chat(), topic.reason(), next))));
    }
    if (outcome instanceof SendOutcome.ChatNotFound) {
      return Optional.of(withError(target, TargetErrors.chatNotFound(target.key().chat())));
    }
    return Optional.empty();
  }

  /**
   * What {@code other}, the sender's record of the same chat under another topic (the tenant moved
   * the target to another topic, or to none), tells the new target before its first preparation:
   * the chat's id (nothing resolved again) and the slow mode and its waits (Telegram counts slow
   * mode per chat, whatever the topic); not that topic's own refusal and its hour's wait. Not a
   * member either: whatever is recorded from it before a preparation (a wait) is prepared again
   * before any post, so the new topic is always checked once; the preparation finds the sender a
   * member and joins nothing. The join stays with {@code other}, counted once; the date the sender
   * became a member comes along, so the new-chats guard still knows it is new there.
   */
  public static ChatTarget movedFrom(ChatTarget other, TargetKey key) {
    boolean topicsOwn = other.lastErrorIs(TargetErrors.TOPIC_UNAVAILABLE);
    return new ChatTarget(
        key,
        other.chatId(),
        other.title(),
        other.membership() == TargetMembership.JOINED
            ? TargetMembership.NOT_MEMBER
            : other.membership(), // a join request still waiting is not sent again
        other.slowModeSeconds(),
        topicsOwn ? Optional.empty() : other.nextPostAt(),
        Optional.empty(),
        topicsOwn ? Optional.empty() : other.lastError(),
        other.memberSince(),
        Optional.empty());
  }

  /**
   * The shortest slow mode delay Telegram offers (10 s, 30 s, 1, 5, 15 min, 1 h) that leaves {@code
   * wait} still to wait, in seconds.
   */
  static int slowModeAtLeast(Duration wait) {
    long seconds = Math.max(1, wait.toSeconds());
    for (int delay : SLOW_MODE_DELAYS) {
      if (delay >= seconds) {
        return delay;
      }
    }
    return (int) Math.min(seconds, Integer.MAX_VALUE);
  }

  private static ChatTarget withError(ChatTarget target, TargetError error) {
    return target.with(target.membership(), target.nextPostAt(), Optional.of(error));
  }

  private static Duration recheck(TargetMembership membership) {
    return switch (membership) {
      case JOIN_REQUESTED -> JOIN_REQUEST_RECHECK;
      case NOT_MEMBER -> NOT_MEMBER_RECHECK;
      case BANNED_IN_CHAT, WRITE_FORBIDDEN -> BLOCKED_RECHECK;
      case JOINED -> Duration.ZERO;
    };
  }
}

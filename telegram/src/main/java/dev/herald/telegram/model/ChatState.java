package dev.herald.telegram.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One chat's live state; the world's lock guards it. */
final class ChatState {

  /** An account's standing in the chat and since when (a new member is watched for spam). */
  record Member(Membership membership, Instant since) {}

  final long id;
  final ChatKind kind;
  final String title;
  final Optional<String> username;
  String inviteHash;
  boolean joinByRequest;
  int slowModeDelay;
  long linkedChatId;
  final boolean protectedContent;
  final boolean forum;

  /** A forum's topics by id, each open or closed; topic 1 is its General topic. */
  final Map<Integer, Boolean> topicClosed = new HashMap<>();

  /** The supergroup this basic group was upgraded to; 0 while it is not. */
  long upgradedTo;

  long lastMessageId;
  private int joined;
  final Map<Account, Member> members = new HashMap<>();
  final Set<Account> joinRequests = new LinkedHashSet<>();

  /**
   * How fast each account that posted here may post again. One map for the three: a post looks it
   * up once, and an account's first post makes one entry, not three.
   */
  final Map<Account, Pace> pace = new HashMap<>();

  /**
   * One account's pacing in this chat: its last post (slow mode) and its per-chat and bot per-group
   * buckets, made at its first post that needs them (null for an unlimited rate).
   */
  static final class Pace {
    Instant lastSent;
    TokenBucket perChat;
    TokenBucket botPerGroup;
  }

  ChatState(long id, NewChat spec) {
    this.id = id;
    this.kind = spec.kind;
    this.title = spec.title;
    this.username = spec.username;
    this.joinByRequest = spec.joinByRequest;
    this.slowModeDelay = spec.kind.hasSlowMode() ? spec.slowModeDelay : 0;
    this.linkedChatId = spec.discussionOf;
    this.protectedContent = spec.protectedContent;
    this.forum = spec.forum;
    if (forum) {
      // The General topic is the forum's first message id, as every topic is its first message's.
      topicClosed.put(GENERAL_TOPIC, false);
      lastMessageId = GENERAL_TOPIC;
    }
  }

  /** Every forum's General topic, where a post that names no topic goes. */
  static final int GENERAL_TOPIC = 1;

  Membership membership(Account account) {
    Member member = members.get(account);
    return member == null ? Membership.LEFT : member.membership();
  }

  boolean newMember(Account account, Instant now, java.time.Duration window) {
    Member member = members.get(account);
    return member != null && member.since().plus(window).isAfter(now);
  }

  /** Sets an account's membership, keeping the member count without scanning the members. */
  void setMember(Account account, Membership membership, Instant now) {
    Member before =
        membership == Membership.LEFT
            ? members.remove(account)
            : members.put(account, new Member(membership, since(account, membership, now)));
    if (before != null && before.membership().joined()) {
      joined--;
    }
    if (membership.joined()) {
      joined++;
    }
  }

  /** The members of a basic group upgraded to this supergroup, with the dates they joined. */
  void takeMembersOf(ChatState group) {
    group.members.forEach(
        (account, member) -> {
          members.put(account, member);
          if (member.membership().joined()) {
            joined++;
          }
        });
  }

  /** A promotion keeps the date the account joined; a (re)join starts it now. */
  private Instant since(Account account, Membership membership, Instant now) {
    Member member = members.get(account);
    return member != null && member.membership().joined() && membership.joined()
        ? member.since()
        : now;
  }

  /**
   * What an account sees, with the slow mode delay as it runs on the world's clock (whole seconds,
   * rounded up): on a clock 48 times faster a 3600 s slow mode is 75 s, as the benchmark's plan.
   */
  Chat snapshot(TelegramLimits limits) {
    int delay =
        slowModeDelay == 0 ? 0 : (int) Math.max(1, Math.ceil(slowModeDelay / limits.timeScale()));
    return new Chat(
        id,
        kind,
        title,
        username,
        delay,
        joinByRequest,
        linkedChatId,
        joined,
        protectedContent,
        upgradedTo,
        forum);
  }
}

package dev.herald.scheduler.engine;

import dev.herald.domain.engine.CyclePlan;
import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.TargetErrors;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.targets.TargetPreparer;
import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.targets.TargetStore;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One cycle's view of its account's targets (SPEC rule 16): a chat that is joined and not waiting
 * is sent at once, without asking anything; a chat waiting (slow mode, a flood wait, a paced join,
 * a join request) is left to a later cycle; anything else is prepared by the transport first
 * (resolved, joined or checked), and the answer decides, unless a flood wait answered to another of
 * the sender's preparations holds them all ({@link TargetRules#preparationsHeldUntil}). Outcomes of
 * sends update the record (slow mode after a delivery, the time Telegram asked after {@code
 * SLOWMODE_WAIT} or a 429). Lanes are one per sender, so a sender's own records are only touched by
 * its lane.
 */
final class CycleTargets {

  private static final Logger LOG = Logger.getLogger(CycleTargets.class.getName());

  /** Whether a sender posts to a chat now. */
  enum Gate {
    SEND,
    WAIT,
    /** Another name of the chat took this cycle's post there ({@link #postOncePerChat}). */
    TAKEN
  }

  private static final CompletableFuture<Gate> SEND_NOW =
      CompletableFuture.completedFuture(Gate.SEND);
  private static final CompletableFuture<Gate> WAIT_NOW =
      CompletableFuture.completedFuture(Gate.WAIT);
  private static final CompletableFuture<Gate> TAKEN_NOW =
      CompletableFuture.completedFuture(Gate.TAKEN);

  private final long accountId;
  private final Map<TargetKey, ChatTarget> known;
  private final TargetPreparer preparer;
  private final TargetRules rules;
  private final TargetWrites writes;
  private final Clock clock;
  private final Duration cycleGap;
  private final LongFunction<List<ChatTarget>> sessionElsewhere;
  private final Map<Long, List<ChatTarget>> elsewhere = new ConcurrentHashMap<>();

  /**
   * The records' ids by reference, any sender's, when this cycle checks that it posts once per chat
   * ({@link #postOncePerChat}); null otherwise. Made before the lanes start, read-only after.
   */
  private volatile Map<String, Long> anySendersIds;

  /**
   * The chats this cycle's posts went to, by Telegram's id, each with the sender and name that took
   * it ({@link #takeChat}): only that one gives it back.
   */
  private final Map<Long, TargetKey> postedChats = new ConcurrentHashMap<>();

  /** Whether a record names a forum topic: only then can a target's chat have another record. */
  private final boolean topicRecords;

  /**
   * The records' keys by sender and chat without its topic, made at the first {@link #ofChat}: the
   * records are read live through them. A config names a chat once, so the only key a cycle adds
   * for a chat is its target's own.
   */
  private volatile Map<String, List<TargetKey>> keysByChat;

  /**
   * {@code sessionElsewhere}: a session's records in the account's others ({@link
   * TargetStore#ofSessionElsewhere}), read only when a join or a post while new is weighed, at most
   * once per session and cycle.
   */
  CycleTargets(
      long accountId,
      Map<TargetKey, ChatTarget> known,
      TargetPreparer preparer,
      TargetRules rules,
      TargetWrites writes,
      Clock clock,
      Duration cycleGap,
      LongFunction<List<ChatTarget>> sessionElsewhere) {
    this.accountId = accountId;
    this.cycleGap = cycleGap;
    this.known = new ConcurrentHashMap<>(known);
    this.topicRecords = known.keySet().stream().anyMatch(k -> ChatReference.namesTopic(k.chat()));
    this.preparer = preparer;
    this.rules = rules;
    this.writes = writes;
    this.clock = clock;
    this.sessionElsewhere = sessionElsewhere;
  }

  static CycleTargets disabled() {
    return new CycleTargets(
        0, Map.of(), null, null, null, Clock.systemUTC(), Duration.ZERO, id -> List.of());
  }

  /**
   * Makes this cycle post at most once to each chat whatever its names in {@code groups} (before
   * any lane starts). A config may name one chat in ways only Telegram can tell apart: {@code
   * @group} and its {@code -100…} id, a topic of it, an invite link to it. Each name would take a
   * post, two posts in one chat every cycle, which its members report as spam. The first name whose
   * sender may post now takes the chat ({@link #takeChat}); the others are left out ({@link
   * #postedUnderAnotherName}). No name waits for another: a name whose sender must wait (a join
   * request, a slow mode) takes nothing, so another sender may post under another name. Only
   * configs that name a chat by id or invite link are checked: two usernames are two chats here (a
   * chat's second, collectible username is rare), so the usual config costs nothing.
   */
  void postOncePerChat(List<ChatReference> groups) {
    if (groups.size() < 2
        || groups.stream().allMatch(g -> g.kind() == ChatReference.Kind.USERNAME)) {
      return;
    }
    Map<String, Long> ids = new HashMap<>();
    known.values().stream()
        .filter(ChatTarget::resolved)
        .forEach(t -> ids.putIfAbsent(t.key().chat(), t.chatId()));
    anySendersIds = ids;
  }

  /** Whether another name of the chat took this cycle's post there (asked before its gate). */
  boolean postedUnderAnotherName(Sender sender, ChatReference chat) {
    if (anySendersIds == null) {
      return false;
    }
    long id = chatId(known.get(TargetKey.of(accountId, sender, chat.canonical())), chat);
    return id != 0 && postedChats.containsKey(id);
  }

  /**
   * Takes the chat {@code id} for this cycle's post, once the name's sender may post there now
   * (before Telegram's spam limit is weighed, so a name left out spends no new-chat slot); false
   * when another name of the chat took it. A chat Herald does not know (0) is taken by no one: the
   * name is posted as written.
   */
  private boolean takeChat(long id, TargetKey name) {
    return anySendersIds == null || id == 0 || postedChats.putIfAbsent(id, name) == null;
  }

  /**
   * Gives the chat back when {@code name} took it: it will not post there in this cycle after all.
   * A name that never took the chat (it was not ready, or posted as written) gives nothing back.
   */
  private void releaseChat(long id, TargetKey name) {
    if (anySendersIds != null && id != 0) {
      postedChats.remove(id, name);
    }
  }

  /**
   * Telegram's id of the chat, 0 when unknown: the sender's record of the name (prepared by the
   * time it is taken, so a username is resolved; a basic group's id stays with the record after its
   * upgrade to a supergroup), else the id a numeric reference names, else another sender's record.
   */
  private long chatId(ChatTarget record, ChatReference chat) {
    if (anySendersIds == null) {
      return 0;
    }
    if (record != null && record.resolved()) {
      return record.chatId();
    }
    if (chat.kind() == ChatReference.Kind.CHAT_ID) {
      return chat.chatId();
    }
    return anySendersIds.getOrDefault(chat.canonical(), 0L);
  }

  /**
   * Where the sender stands with the chat, for dealing the cycle's chats ({@link
   * CyclePlan#shares}): in it (a member, or its join request waiting), barred (banned there,
   * read-only for it, or a tenant's bot that was not added or is given an invite link, which bots
   * cannot use), or open.
   */
  CyclePlan.Place place(Sender sender, ChatReference chat) {
    if (sender.kind() == Sender.Kind.USER_BOT && chat.kind() == ChatReference.Kind.INVITE) {
      return CyclePlan.Place.BARRED;
    }
    if (preparer == null) {
      return CyclePlan.Place.OPEN;
    }
    ChatTarget target = known.get(TargetKey.of(accountId, sender, chat.canonical()));
    if (target == null) {
      target = sameChat(sender, chat).orElse(null);
    }
    if (target == null) {
      return CyclePlan.Place.OPEN;
    }
    if (target.lastErrorIs(TargetErrors.TOPIC_UNAVAILABLE)) {
      return CyclePlan.Place.IN; // checked again by the sender that found it, after the hour
    }
    return switch (target.membership()) {
      case JOINED, JOIN_REQUESTED -> CyclePlan.Place.IN;
      case BANNED_IN_CHAT, WRITE_FORBIDDEN -> CyclePlan.Place.BARRED;
      case NOT_MEMBER ->
          TargetRules.botNotAddedLately(target, clock.instant())
              ? CyclePlan.Place.BARRED
              : CyclePlan.Place.OPEN;
    };
  }

  CompletableFuture<Gate> gate(Sender sender, ChatReference chat) {
    if (preparer == null) {
      return SEND_NOW;
    }
    TargetKey key = TargetKey.of(accountId, sender, chat.canonical());
    Optional<ChatTarget> exact = Optional.ofNullable(known.get(key));
    Optional<ChatTarget> target =
        exact.isPresent()
            ? exact
            : sameChat(sender, chat).map(other -> TargetRules.movedFrom(other, key));
    Instant now = clock.instant();
    if (target.isPresent()) {
      if (target.get().readyAt(now)) {
        if (chatWaitsUnderAnotherTopic(sender, chat, key, now)) {
          return WAIT_NOW;
        }
        long id = chatId(target.get(), chat);
        if (!takeChat(id, key)) {
          return TAKEN_NOW;
        }
        CompletableFuture<Gate> gate = beforeSend(sender, target.get(), now);
        if (gate != SEND_NOW) {
          releaseChat(id, key);
        }
        return gate;
      }
      if (target.get().waitsAt(now)) {
        return WAIT_NOW;
      }
    }
    List<ChatTarget> senderTargets = ofSender(sender);
    Optional<Instant> held = rules.preparationsHeldUntil(senderTargets, now);
    if (held.isPresent()) {
      record(rules.heldBack(key, target, held.get(), now));
      return WAIT_NOW;
    }
    Instant nextJoin = rules.nextJoinAt(senderTargets, now);
    CompletionStage<Gate> prepared;
    try {
      prepared =
          preparer
              .prepare(sender, chat, target, !nextJoin.isAfter(now))
              .thenApply(
                  answer -> {
                    Instant at = clock.instant();
                    ChatTarget updated = rules.prepared(key, target, answer, at, nextJoin);
                    long id = chatId(updated, chat);
                    if (updated.readyAt(at)) {
                      if (!takeChat(id, key)) {
                        record(updated); // what the preparation found; no post, no new-chat slot
                        return Gate.TAKEN;
                      }
                      updated = rules.beforeSend(updated, () -> ofSender(sender), at);
                    }
                    record(updated);
                    if (!updated.readyAt(at)) {
                      releaseChat(id, key);
                      return Gate.WAIT;
                    }
                    return Gate.SEND;
                  });
    } catch (RuntimeException e) {
      prepared = CompletableFuture.failedFuture(e);
    }
    return prepared
        .exceptionally(
            failure -> {
              // A transport that failed to prepare says nothing about the chat. A chat Herald
              // knows nothing of yet is sent as written, as before targets existed: the send's
              // outcome says what Telegram thinks (a session not logged in, say). One known not to
              // take the post (a join request waiting, a ban, no right to write) keeps its record
              // and waits: sent anyway, its refusal would lose what the record knows.
              LOG.log(
                  Level.WARNING,
                  "Preparing {0} for {1} failed: {2}",
                  new Object[] {chat, sender, failure.getMessage()});
              return target.isEmpty() ? Gate.SEND : Gate.WAIT;
            })
        .toCompletableFuture();
  }

  /**
   * A ready chat, unless Telegram's spam limit holds it back ({@link TargetRules#beforeSend}); a
   * change (the first post while new, or the hold) is recorded.
   */
  private CompletableFuture<Gate> beforeSend(Sender sender, ChatTarget target, Instant now) {
    ChatTarget checked = rules.beforeSend(target, () -> ofSender(sender), now);
    if (checked == target) {
      return SEND_NOW;
    }
    record(checked);
    return checked.readyAt(now) ? SEND_NOW : WAIT_NOW;
  }

  /** What a send's outcome changes for this (sender, chat). */
  void sent(Sender sender, ChatReference chat, SendOutcome outcome) {
    TargetKey key = TargetKey.of(accountId, sender, chat.canonical());
    ChatTarget target = known.get(key);
    if (!keepsChat(outcome)) {
      // Refused for this chat (no right to write, not found, slow mode) or the post: another name
      // of the chat may still post there in this cycle.
      releaseChat(chatId(target, chat), key);
    }
    if (preparer == null) {
      return;
    }
    if (target != null) {
      rules.afterSend(target, outcome, clock.instant(), cycleGap).ifPresent(this::record);
    }
  }

  /**
   * Whether the chat stays taken for the cycle, under every name: the post may have reached it
   * (delivered; a transient error, a timeout after the request went out; a park, which may come
   * after TDLib took the message), or this name's record will be reopened for another sender
   * ({@link SendOutcome#retryableByAnotherSender}): given back, another lane could take it under
   * another name between the release and the hand-back that ends the lanes, and the reopened record
   * would post there again in the cycle's continuation.
   */
  private static boolean keepsChat(SendOutcome outcome) {
    return outcome instanceof SendOutcome.Delivered
        || outcome instanceof SendOutcome.TransientError
        || outcome instanceof SendOutcome.SenderUnavailable
        || outcome instanceof SendOutcome.SenderNeedsLogin
        || outcome.retryableByAnotherSender();
  }

  /**
   * The sender's record of the same chat under another topic (the target moved), the one that waits
   * longest for the chat itself; empty when there is none. Read only while the target has no record
   * of its own, which its first preparation writes ({@link TargetRules#movedFrom}).
   */
  private Optional<ChatTarget> sameChat(Sender sender, ChatReference chat) {
    return ofChat(sender, chat).stream().reduce(CycleTargets::laterWait);
  }

  /**
   * True while another of the sender's records of this chat (the target moved to another topic and
   * back) waits for the chat's slow mode or a flood wait: Telegram counts those per chat, whatever
   * the topic.
   */
  private boolean chatWaitsUnderAnotherTopic(
      Sender sender, ChatReference chat, TargetKey key, Instant now) {
    return ofChat(sender, chat).stream()
        .anyMatch(t -> !t.key().equals(key) && chatWait(t).isAfter(now));
  }

  /** The sender's records of {@code chat} under any topic, as they are now. */
  private List<ChatTarget> ofChat(Sender sender, ChatReference chat) {
    if (!chat.hasTopic() && !topicRecords) {
      return List.of(); // no topic anywhere: a chat has one record per sender
    }
    Map<String, List<TargetKey>> index = keysByChat;
    if (index == null) {
      Map<String, List<TargetKey>> made = new HashMap<>();
      known
          .keySet()
          .forEach(
              k ->
                  ChatReference.tryParse(k.chat())
                      .ifPresent(
                          ref ->
                              made.computeIfAbsent(
                                      chatOf(k.senderKind(), k.senderId(), ref),
                                      any -> new ArrayList<>())
                                  .add(k)));
      index = made;
      keysByChat = made;
    }
    return index.getOrDefault(chatOf(sender.kind(), sender.id(), chat), List.of()).stream()
        .map(known::get)
        .toList();
  }

  /** Of two records of one chat, the one that waits longer for the chat itself. */
  private static ChatTarget laterWait(ChatTarget a, ChatTarget b) {
    return chatWait(b).isAfter(chatWait(a)) ? b : a;
  }

  /** Until when a record waits for its chat (not for its topic's refusal). */
  private static Instant chatWait(ChatTarget t) {
    return t.lastErrorIs(TargetErrors.TOPIC_UNAVAILABLE)
        ? Instant.MIN
        : t.nextPostAt().orElse(Instant.MIN);
  }

  private static String chatOf(Sender.Kind kind, long senderId, ChatReference chat) {
    return kind + ":" + senderId + ":" + chat.chat().canonical();
  }

  /**
   * The sender's records: this account's, and for a session those of the other accounts it posted
   * for lately, since Telegram paces joins and counts new chats per Telegram account.
   */
  private List<ChatTarget> ofSender(Sender sender) {
    List<ChatTarget> own =
        known.values().stream()
            .filter(t -> t.key().senderKind() == sender.kind() && t.key().senderId() == sender.id())
            .toList();
    if (sender.kind() != Sender.Kind.SESSION) {
      return own;
    }
    List<ChatTarget> other = elsewhere.computeIfAbsent(sender.id(), sessionElsewhere::apply);
    if (other.isEmpty()) {
      return own;
    }
    List<ChatTarget> all = new ArrayList<>(own);
    all.addAll(other);
    return all;
  }

  private void record(ChatTarget target) {
    known.put(target.key(), target);
    writes.add(target);
  }
}

package dev.herald.telegram.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Telegram as the sandbox sees it: chats, accounts, and what Telegram answers each account. The
 * methods named like TDLib's ({@link #searchPublicChat}, {@link #getChat}, {@link #joinChat},
 * {@link #checkChatInviteLink}, {@link #joinChatByInviteLink}, {@link #getChatMember}, {@link
 * #sendMessage}) answer or throw {@link TelegramException} with Telegram's code and text; the
 * others are what admins (and tests) do: create chats, set slow mode, add, promote and ban members,
 * approve join requests, revoke links, ban or revoke accounts.
 *
 * <p>Rules: an account sees a chat id only after it resolved the chat's username, joined it, or was
 * told the id ({@link #tell}); resolving an unseen username spends one of the account's daily
 * resolutions (bots resolve through the Bot API, which does not count), and a join beyond the
 * account's join budget answers a flood wait and joins nothing; a text longer than Telegram's 4096
 * characters, a caption longer than 1024 or an empty text is refused whatever the chat; {@link
 * PostingRules} decides every other post. Deterministic for a given clock; one lock, so
 * thread-safe. Memory grows with the chats and with the (account, chat) pairs that met, never with
 * the number of sends: the send log keeps a bounded tail and counters.
 */
public final class TelegramWorld {

  /** Telegram's limits on a message's text and a medium's caption, in UTF-16 code units. */
  static final int MAX_TEXT_LENGTH = 4096;

  static final int MAX_CAPTION_LENGTH = 1024;

  private final Clock clock;
  private final TelegramLimits limits;
  private final PostingRules posting;
  private final SendLog log;
  private final ChatDirectory chats = new ChatDirectory();
  private final Map<Account, AccountState> accounts = new HashMap<>();
  private final Map<Account, List<Instant>> joins = new HashMap<>();
  private long joinFloodWaits;
  private final Set<Account> spamLimited = new HashSet<>();

  public TelegramWorld(Clock clock, TelegramLimits limits, SendLog log) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.log = Objects.requireNonNull(log, "log");
    this.posting = new PostingRules(limits);
  }

  /** With a send log of the last 10,000 attempts and up to a million per-text counters. */
  public TelegramWorld(Clock clock, TelegramLimits limits) {
    this(clock, limits, new SendLog(10_000, 1_000_000));
  }

  public TelegramLimits limits() {
    return limits;
  }

  public SendLog sendLog() {
    return log;
  }

  // ---- Telegram's methods, as an account calls them ----

  /**
   * {@code searchPublicChat}: a public chat by username; the account sees its id afterwards. One
   * client per account: a chat the account saw is answered from TDLib's cache, without a request.
   */
  public synchronized Chat searchPublicChat(Account account, String username) {
    AccountState state = active(account);
    Optional<ChatState> chat = chats.byUsername(username);
    if (chat.isPresent() && state.visible.contains(chat.get().id)) {
      return chat.get().snapshot(limits); // TDLib answers from its cache: no request to Telegram
    }
    return resolveUsername(account, username);
  }

  /**
   * {@code contacts.resolveUsername}, the request behind a {@code searchPublicChat} the client's
   * cache cannot answer (a client restored on another node has no cache): spends one of the
   * account's daily resolutions, whatever the account saw before.
   */
  public synchronized Chat resolveUsername(Account account, String username) {
    AccountState state = active(account);
    if (!ChatDirectory.validUsername(username)) {
      throw TelegramErrors.usernameInvalid();
    }
    Optional<ChatState> chat = chats.byUsername(username);
    if (!account.isBot()) {
      Duration wait = spend(state.resolutions);
      if (!wait.isZero()) {
        throw TelegramErrors.floodWait(account, wait);
      }
    }
    ChatState found = chat.orElseThrow(TelegramErrors::usernameNotOccupied);
    state.visible.add(found.id);
    return found.snapshot(limits);
  }

  /** {@code getChat}: only a chat this account can see. */
  public synchronized Chat getChat(Account account, long chatId) {
    return visibleChat(account, active(account), chatId).snapshot(limits);
  }

  /** {@code joinChat}: a public chat by id; one that needs approval answers with a request. */
  public synchronized Chat joinChat(Account account, long chatId) {
    AccountState state = active(account);
    if (account.isBot()) {
      throw TelegramErrors.botMethodInvalid();
    }
    ChatState chat = visibleChat(account, state, chatId);
    Membership membership = chat.membership(account);
    if (membership.joined()) {
      return chat.snapshot(limits);
    }
    if (membership == Membership.BANNED || chat.username.isEmpty()) {
      throw TelegramErrors.channelPrivate();
    }
    return join(account, state, chat);
  }

  /** {@code checkChatInviteLink}: where a link leads, without joining. */
  public synchronized InviteLinkInfo checkChatInviteLink(Account account, String inviteLink) {
    active(account);
    ChatState chat = invited(inviteLink);
    Membership membership = chat.membership(account);
    if (membership == Membership.BANNED) {
      throw TelegramErrors.channelPrivate();
    }
    return new InviteLinkInfo(
        membership.joined() ? chat.id : 0,
        chat.title,
        chat.kind,
        chat.snapshot(limits).memberCount(),
        chat.joinByRequest);
  }

  /** {@code joinChatByInviteLink}: joins, or sends a join request when the chat needs approval. */
  public synchronized Chat joinChatByInviteLink(Account account, String inviteLink) {
    AccountState state = active(account);
    if (account.isBot()) {
      throw TelegramErrors.botMethodInvalid();
    }
    ChatState chat = invited(inviteLink);
    Membership membership = chat.membership(account);
    if (membership.joined()) {
      throw TelegramErrors.userAlreadyParticipant();
    }
    if (membership == Membership.BANNED) {
      throw TelegramErrors.channelPrivate();
    }
    return join(account, state, chat);
  }

  /** {@code getChatMember}: e.g. a bot asking whether it was added, and may post. */
  public synchronized ChatMember getChatMember(Account asking, long chatId, Account member) {
    ChatState chat = visibleChat(asking, active(asking), chatId);
    Membership membership = chat.membership(member);
    boolean canPost =
        membership.joined() && (!chat.kind.broadcast() || membership == Membership.ADMINISTRATOR);
    return new ChatMember(chatId, member, membership, canPost);
  }

  /**
   * How long {@code account} must still wait before its next message in the chat's slow mode (zero
   * without one, or for an admin): TDLib's {@code slow_mode_delay_expires_in}.
   */
  public synchronized Duration slowModeLeft(Account account, long chatId) {
    ChatState chat = visibleChat(account, active(account), chatId);
    return posting
        .slowModeLeft(
            chat,
            chat.pace.get(account),
            chat.membership(account) == Membership.ADMINISTRATOR,
            clock.instant())
        .orElse(Duration.ZERO);
  }

  /** {@code sendMessage} with text; every attempt goes to the {@link #sendLog()}. */
  public synchronized Message sendMessage(Account account, long chatId, String text) {
    return sendMessage(account, chatId, text, MessageMarkup.NONE);
  }

  /**
   * {@code sendMessage} with entities and an inline keyboard: an entity outside the text is refused
   * ({@code 400 ENTITY_BOUNDS_INVALID}); a user account's keyboard is dropped, as Telegram ignores
   * it.
   */
  public synchronized Message sendMessage(
      Account account, long chatId, String text, MessageMarkup markup) {
    return sendMessage(account, chatId, 0, text, markup);
  }

  /**
   * {@link #sendMessage(Account, long, String, MessageMarkup)} to one topic of a forum ({@code
   * topic} 0: none, the General topic of a forum).
   */
  public synchronized Message sendMessage(
      Account account, long chatId, int topic, String text, MessageMarkup markup) {
    Objects.requireNonNull(text, "text");
    Optional<TelegramException> refused =
        text.isBlank()
            ? Optional.of(TelegramErrors.messageEmpty(account))
            : text.length() > MAX_TEXT_LENGTH
                ? Optional.of(TelegramErrors.messageTooLong(account))
                : entitiesOutside(markup, text);
    if (refused.isPresent()) {
      throw refuse(account, chatId, topic, "text", text, markup, List.of(), refused.get());
    }
    return post(
        account,
        chatId,
        topic,
        "text",
        text,
        account.isBot() ? markup : markup.withoutKeyboard(),
        List.of());
  }

  private static Optional<TelegramException> entitiesOutside(MessageMarkup markup, String text) {
    return markup.fits(text)
        ? Optional.empty()
        : Optional.of(new TelegramException(400, "ENTITY_BOUNDS_INVALID"));
  }

  /** A send Telegram refuses for its content, whatever the chat: logged like any attempt. */
  private TelegramException refuse(
      Account account,
      long chatId,
      int topic,
      String type,
      String text,
      MessageMarkup markup,
      List<SentMedium> media,
      TelegramException refused) {
    log.record(
        new SendLog.Entry(
            clock.instant(),
            account,
            chatId,
            type,
            text,
            markup,
            refused.toString(),
            media,
            topic));
    return refused;
  }

  /** {@code forwardMessages} of the message at {@code sourceLink}; logged like a send. */
  public synchronized Message forwardMessage(Account account, long chatId, String sourceLink) {
    return forwardMessage(account, chatId, 0, sourceLink);
  }

  /** {@link #forwardMessage(Account, long, String)} to one topic of a forum (0: none). */
  public synchronized Message forwardMessage(
      Account account, long chatId, int topic, String sourceLink) {
    return post(
        account,
        chatId,
        topic,
        "forward",
        Objects.requireNonNull(sourceLink, "sourceLink"),
        MessageMarkup.NONE,
        List.of());
  }

  /**
   * {@code sendPhoto}/{@code sendVideo}/... ({@code type} the medium's kind, one medium) or {@code
   * sendMediaGroup} ({@code type} {@code album}, 2 to 10 media): one logged entry however many
   * media, one message per medium (an album's messages have consecutive ids); returns the first.
   */
  public synchronized Message sendMedia(
      Account account, long chatId, String type, String caption, List<SentMedium> media) {
    return sendMedia(account, chatId, type, caption, MessageMarkup.NONE, media);
  }

  /**
   * {@link #sendMedia(Account, long, String, String, List)} with the caption's entities and an
   * inline keyboard (a user account's keyboard is dropped, as Telegram ignores it).
   */
  public synchronized Message sendMedia(
      Account account,
      long chatId,
      String type,
      String caption,
      MessageMarkup markup,
      List<SentMedium> media) {
    return sendMedia(account, chatId, 0, type, caption, markup, media);
  }

  /** {@link #sendMedia(Account, long, String, String, MessageMarkup, List)} to a forum's topic. */
  public synchronized Message sendMedia(
      Account account,
      long chatId,
      int topic,
      String type,
      String caption,
      MessageMarkup markup,
      List<SentMedium> media) {
    if (media.isEmpty()) {
      throw new IllegalArgumentException("A media message needs media");
    }
    String text = caption == null ? "" : caption;
    Optional<TelegramException> refused =
        text.length() > MAX_CAPTION_LENGTH
            ? Optional.of(TelegramErrors.captionTooLong(account))
            : entitiesOutside(markup, text);
    if (refused.isPresent()) {
      throw refuse(account, chatId, topic, type, text, markup, media, refused.get());
    }
    Message first =
        post(
            account,
            chatId,
            topic,
            type,
            text,
            account.isBot() ? markup : markup.withoutKeyboard(),
            List.copyOf(media));
    existing(chatId).lastMessageId += media.size() - 1;
    return first;
  }

  // ---- What admins and tests do ----

  public synchronized Chat createChat(NewChat spec) {
    if (spec.discussionOf != 0) {
      ChatState channel = existing(spec.discussionOf);
      if (channel.kind != ChatKind.CHANNEL || spec.kind != ChatKind.DISCUSSION_GROUP) {
        throw new IllegalArgumentException("A DISCUSSION_GROUP discusses a CHANNEL");
      }
      ChatState group = chats.add(spec);
      channel.linkedChatId = group.id;
      return group.snapshot(limits);
    }
    return chats.add(spec).snapshot(limits);
  }

  /**
   * An owner upgrades a basic group to a supergroup (Telegram does it by itself past 200 members):
   * a new chat with a new id, the same title and members (who see it at once), while the basic
   * group is deactivated and takes no more messages.
   */
  /** A new open topic in a forum; answers its id (the id of the message that opens it). */
  public synchronized int createTopic(long forumId) {
    ChatState forum = existing(forumId);
    if (!forum.forum) {
      throw new IllegalArgumentException("Chat " + forumId + " is not a forum");
    }
    int topic = (int) ++forum.lastMessageId;
    forum.topicClosed.put(topic, false);
    return topic;
  }

  /**
   * An open topic with this id in a forum (the sandbox's open world makes the topic a link names);
   * an existing one is left as it is.
   */
  public synchronized void openTopic(long forumId, int topic) {
    ChatState forum = existing(forumId);
    if (!forum.forum || topic <= 0) {
      throw new IllegalArgumentException("No topic " + topic + " can be made in chat " + forumId);
    }
    forum.topicClosed.putIfAbsent(topic, false);
    forum.lastMessageId = Math.max(forum.lastMessageId, topic);
  }

  /** Closes or reopens a forum's topic: only its admins post in a closed one. */
  public synchronized void setTopicClosed(long forumId, int topic, boolean closed) {
    ChatState forum = existing(forumId);
    if (!forum.topicClosed.containsKey(topic)) {
      throw new IllegalArgumentException("No topic " + topic + " in chat " + forumId);
    }
    forum.topicClosed.put(topic, closed);
  }

  /** Deletes a forum's topic (not its General topic, which Telegram keeps). */
  public synchronized void deleteTopic(long forumId, int topic) {
    if (topic == ChatState.GENERAL_TOPIC) {
      throw new IllegalArgumentException("The General topic cannot be deleted");
    }
    existing(forumId).topicClosed.remove(topic);
  }

  public synchronized Chat upgradeToSupergroup(long groupId) {
    ChatState group = existing(groupId);
    if (group.kind != ChatKind.GROUP || group.upgradedTo != 0) {
      throw new IllegalArgumentException("Only an active basic group is upgraded: " + groupId);
    }
    ChatState supergroup = chats.add(NewChat.supergroup(group.title));
    supergroup.takeMembersOf(group);
    accounts.values().stream()
        .filter(state -> state.visible.contains(groupId))
        .forEach(state -> state.visible.add(supergroup.id));
    group.upgradedTo = supergroup.id;
    return supergroup.snapshot(limits);
  }

  /** An admin's view of a chat, whoever can see it. */
  public synchronized Optional<Chat> chat(long chatId) {
    return chats.byId(chatId).map(found -> found.snapshot(limits));
  }

  public synchronized Optional<Chat> chatByUsername(String username) {
    return ChatDirectory.validUsername(username)
        ? chats.byUsername(username).map(found -> found.snapshot(limits))
        : Optional.empty();
  }

  /** The chat behind a working invite link. */
  public synchronized Optional<Chat> chatByInviteLink(String inviteLink) {
    return chats
        .byInvite(ChatDirectory.inviteHash(inviteLink))
        .map(found -> found.snapshot(limits));
  }

  /** True for a link that works or once worked (a revoked link still names its chat). */
  public synchronized boolean knowsInviteLink(String inviteLink) {
    String hash = ChatDirectory.inviteHash(inviteLink);
    return chats.byInvite(hash).isPresent() || chats.revoked(hash);
  }

  /** The chat's current invite link, if it has one. */
  public synchronized Optional<String> inviteLink(long chatId) {
    return Optional.ofNullable(existing(chatId).inviteHash).map(ChatDirectory::inviteLinkOf);
  }

  public synchronized void setSlowMode(long chatId, int seconds) {
    ChatState chat = existing(chatId);
    if (!chat.kind.hasSlowMode()) {
      throw new IllegalArgumentException("Slow mode exists only in supergroups");
    }
    chat.slowModeDelay = SlowMode.checked(seconds);
  }

  /** Adds, promotes, bans in the chat, or removes ({@link Membership#LEFT}) an account. */
  public synchronized void setMembership(long chatId, Account account, Membership membership) {
    ChatState chat = existing(chatId);
    chat.setMember(account, membership, clock.instant());
    chat.joinRequests.remove(account);
    if (membership.joined()) {
      state(account).visible.add(chatId);
    }
  }

  /** An admin's view of who is in the chat (members, admins, banned), in no particular order. */
  public synchronized Map<Account, Membership> members(long chatId) {
    Map<Account, Membership> members = new HashMap<>();
    existing(chatId)
        .members
        .forEach((account, member) -> members.put(account, member.membership()));
    return members;
  }

  public synchronized List<Account> joinRequests(long chatId) {
    return List.copyOf(existing(chatId).joinRequests);
  }

  /** An admin approves a join request: the account becomes a member. */
  public synchronized void approveJoinRequest(long chatId, Account account) {
    ChatState chat = existing(chatId);
    if (!chat.joinRequests.remove(account)) {
      throw new TelegramException(400, "HIDE_REQUESTER_MISSING");
    }
    chat.setMember(account, Membership.MEMBER, clock.instant());
    state(account).visible.add(chatId);
  }

  /** The chat's invite link stops working ({@code INVITE_HASH_EXPIRED}); returns the new one. */
  public synchronized String revokeInviteLink(long chatId) {
    return ChatDirectory.inviteLinkOf(chats.revokeInvite(existing(chatId)));
  }

  /** Telegram bans, revokes or logs out an account: every request answers 401 from then on. */
  public synchronized void setStanding(Account account, AccountStanding standing) {
    state(account).standing = Objects.requireNonNull(standing, "standing");
  }

  /** The account learns a chat id (a forwarded message, a mention, an admin's message). */
  public synchronized void tell(Account account, long chatId) {
    existing(chatId);
    state(account).visible.add(chatId);
  }

  // ---- What benchmarks and admins read ----

  /** The world's counters so far ({@link WorldFigures}). */
  public synchronized WorldFigures figures() {
    Duration hour = limits.onThisClock(Duration.ofHours(1));
    int maxJoins = 0;
    long joined = 0;
    for (List<Instant> times : joins.values()) {
      joined += times.size();
      for (int first = 0, last = 0; last < times.size(); last++) {
        while (!times.get(first).plus(hour).isAfter(times.get(last))) {
          first++;
        }
        maxJoins = Math.max(maxJoins, last - first + 1);
      }
    }
    long banned =
        accounts.values().stream().filter(a -> a.standing != AccountStanding.ACTIVE).count();
    return new WorldFigures(
        limits.timeScale(),
        log.attempts(),
        log.delivered(),
        log.refusedByReason(),
        spamLimited.size(),
        banned,
        joined,
        maxJoins,
        joinFloodWaits);
  }

  /** Every account's place in every chat it is in, was banned from or asked to join. */
  public synchronized List<ChatMembership> memberships() {
    List<ChatMembership> all = new ArrayList<>();
    for (ChatState chat : chats.all()) {
      Chat snapshot = chat.snapshot(limits);
      chat.members.forEach(
          (account, member) ->
              all.add(new ChatMembership(account, snapshot, member.membership(), false)));
      chat.joinRequests.forEach(
          account -> all.add(new ChatMembership(account, snapshot, Membership.LEFT, true)));
    }
    return all;
  }

  // ---- inside ----

  private Message post(
      Account account,
      long chatId,
      int topic,
      String type,
      String text,
      MessageMarkup markup,
      List<SentMedium> media) {
    Instant now = clock.instant();
    int into = topic;
    try {
      AccountState state = active(account);
      ChatState chat = visibleChat(account, state, chatId);
      if (chat.upgradedTo != 0) {
        throw TelegramErrors.groupUpgraded(account);
      }
      into = topic == 0 && chat.forum ? ChatState.GENERAL_TOPIC : topic;
      long digest = TextDigest.of(SendLog.content(text, media));
      posting.admit(account, state, chat, into, digest, now);
      Message message = new Message(chatId, ++chat.lastMessageId, now);
      log.record(
          new SendLog.Entry(
              now, account, chatId, type, text, markup, SendLog.Entry.OK, media, into),
          digest);
      return message;
    } catch (TelegramException refused) {
      if ("PEER_FLOOD".equals(refused.error())) {
        spamLimited.add(account);
      }
      log.record(
          new SendLog.Entry(
              now, account, chatId, type, text, markup, refused.toString(), media, into));
      throw refused;
    }
  }

  private Chat join(Account account, AccountState state, ChatState chat) {
    Duration wait = spend(state.joins);
    if (!wait.isZero()) {
      joinFloodWaits++;
      throw TelegramErrors.floodWait(account, wait);
    }
    joins.computeIfAbsent(account, key -> new ArrayList<>()).add(clock.instant());
    if (chat.joinByRequest) {
      chat.joinRequests.add(account);
      throw TelegramErrors.inviteRequestSent();
    }
    chat.setMember(account, Membership.MEMBER, clock.instant());
    state.visible.add(chat.id);
    return chat.snapshot(limits);
  }

  /**
   * Takes one from an account's {@code budget} (null: unlimited) and answers zero, or answers how
   * long until one is free and takes nothing.
   */
  private Duration spend(TokenBucket budget) {
    if (budget == null) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    Duration wait = budget.wait(now);
    if (wait.isZero()) {
      budget.take(now);
    }
    return wait;
  }

  private ChatState invited(String inviteLink) {
    String hash = ChatDirectory.inviteHash(inviteLink);
    if (chats.revoked(hash)) {
      throw TelegramErrors.inviteHashExpired();
    }
    return chats.byInvite(hash).orElseThrow(TelegramErrors::inviteHashInvalid);
  }

  private ChatState visibleChat(Account account, AccountState state, long chatId) {
    return chats
        .byId(chatId)
        .filter(chat -> state.visible.contains(chatId) || chat.membership(account).joined())
        .orElseThrow(() -> TelegramErrors.chatNotFound(account));
  }

  private AccountState active(Account account) {
    AccountState state = state(account);
    if (state.standing != AccountStanding.ACTIVE) {
      throw TelegramErrors.unauthorized(account, state.standing);
    }
    return state;
  }

  private AccountState state(Account account) {
    Objects.requireNonNull(account, "account");
    AccountState state = accounts.get(account); // every request asks: no capturing lambda for it
    if (state == null) {
      state = new AccountState(limits, clock.instant());
      accounts.put(account, state);
    }
    return state;
  }

  private ChatState existing(long chatId) {
    return chats
        .byId(chatId)
        .orElseThrow(() -> new IllegalArgumentException("No chat " + chatId + " in the world"));
  }
}

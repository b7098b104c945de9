package dev.herald.telegram.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.shared.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Telegram's rules in the model, one test per rule. */
class TelegramWorldTest {

  private static final Account ALICE = Account.user(1);
  private static final Account BOB = Account.user(2);
  private static final Account BOT = Account.bot(9);

  /** Joins this far apart stay within Telegram's join budget (20 an hour). */
  private static final Duration JOIN_SPACING = Duration.ofMinutes(3);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final TelegramWorld world = new TelegramWorld(clock, TelegramLimits.telegram());

  private Chat group(String username) {
    return world.createChat(NewChat.supergroup(username).username(username));
  }

  /** A public group ALICE has resolved and joined. */
  private Chat joined(String username) {
    Chat chat = group(username);
    world.searchPublicChat(ALICE, username);
    world.joinChat(ALICE, chat.id());
    return chat;
  }

  private static TelegramException refused(int code, String text, Executable call) {
    TelegramException e = assertThrows(TelegramException.class, call);
    assertEquals(code + " " + text, e.toString());
    return e;
  }

  @Test
  void aForumTakesPostsInItsOpenTopicsAndItsGeneralTopicWithoutOne() {
    Chat forum = world.createChat(NewChat.supergroup("forum").username("forum").forum());
    assertTrue(forum.isForum());
    int ads = world.createTopic(forum.id());
    int closed = world.createTopic(forum.id());
    world.setTopicClosed(forum.id(), closed, true);
    world.searchPublicChat(ALICE, "forum");
    world.joinChat(ALICE, forum.id());

    world.sendMessage(ALICE, forum.id(), ads, "into the topic", MessageMarkup.NONE);
    clock.advance(Duration.ofSeconds(2));
    world.sendMessage(ALICE, forum.id(), "into General");
    clock.advance(Duration.ofSeconds(2));
    refused(
        400,
        "TOPIC_CLOSED",
        () -> world.sendMessage(ALICE, forum.id(), closed, "closed", MessageMarkup.NONE));
    refused(
        400,
        "TOPIC_DELETED",
        () -> world.sendMessage(ALICE, forum.id(), 999, "no such topic", MessageMarkup.NONE));
    world.deleteTopic(forum.id(), ads);
    refused(
        400,
        "TOPIC_DELETED",
        () -> world.sendMessage(ALICE, forum.id(), ads, "deleted", MessageMarkup.NONE));

    List<SendLog.Entry> log = world.sendLog().entries();
    assertEquals(
        List.of(ads, 1, closed, 999, ads), log.stream().map(SendLog.Entry::topic).toList());
    assertEquals(2, log.stream().filter(SendLog.Entry::delivered).count());

    // Admins post in a closed topic; a bot is told in the Bot API's words.
    world.setMembership(forum.id(), BOB, Membership.ADMINISTRATOR);
    world.sendMessage(BOB, forum.id(), closed, "admin", MessageMarkup.NONE);
    world.setMembership(forum.id(), BOT, Membership.MEMBER);
    refused(
        400,
        "Bad Request: TOPIC_CLOSED",
        () -> world.sendMessage(BOT, forum.id(), closed, "bot", MessageMarkup.NONE));
    refused(
        400,
        "Bad Request: message thread not found",
        () -> world.sendMessage(BOT, forum.id(), 999, "bot", MessageMarkup.NONE));
  }

  /**
   * Outside a forum a user's topic id reaches Telegram as a reply to the message of that id
   * (TDLib's implicit reply) and goes through; the Bot API finds no such thread.
   */
  @Test
  void aChatThatIsNoForumTakesATopicIdAsAReplyFromUsersAndRefusesItFromBots() {
    Chat group = joined("plain_group");
    assertFalse(group.isForum());
    world.sendMessage(ALICE, group.id(), "no topic");
    clock.advance(Duration.ofSeconds(2));
    world.sendMessage(ALICE, group.id(), 1, "a reply to the first message", MessageMarkup.NONE);
    world.setMembership(group.id(), BOT, Membership.MEMBER);
    refused(
        400,
        "Bad Request: message thread not found",
        () -> world.sendMessage(BOT, group.id(), 1, "bot", MessageMarkup.NONE));
    assertEquals(
        List.of("0 ok", "1 ok"),
        world.sendLog().entries().stream()
            .limit(2)
            .map(e -> e.topic() + " " + e.outcome())
            .toList());
    assertThrows(IllegalArgumentException.class, () -> world.createTopic(group.id()));
  }

  @Test
  void chatIdsAreVisibleOnlyAfterResolvingJoiningOrBeingTold() {
    Chat chat = group("visible_group");
    refused(400, "Chat not found", () -> world.getChat(ALICE, chat.id()));
    assertEquals(chat.id(), world.searchPublicChat(ALICE, "Visible_Group").id());
    assertEquals("visible_group", world.getChat(ALICE, chat.id()).title());
    refused(400, "Chat not found", () -> world.getChat(BOB, chat.id()));
    world.tell(BOB, chat.id());
    assertEquals(chat.id(), world.getChat(BOB, chat.id()).id());
  }

  @Test
  void resolvingAnUnknownUsernameAnswersUsernameNotOccupied() {
    refused(400, "USERNAME_NOT_OCCUPIED", () -> world.searchPublicChat(ALICE, "nobody_here"));
    refused(400, "USERNAME_INVALID", () -> world.searchPublicChat(ALICE, "x"));
  }

  @Test
  void usernameResolutionStopsAtTheDailyBudget() {
    for (int i = 0; i < 200; i++) {
      String name = "unknown_" + i;
      refused(400, "USERNAME_NOT_OCCUPIED", () -> world.searchPublicChat(ALICE, name));
    }
    group("one_more");
    TelegramException wait =
        refused(420, "FLOOD_WAIT_432", () -> world.searchPublicChat(ALICE, "one_more"));
    assertEquals(Duration.ofSeconds(432), wait.retryAfter().orElseThrow()); // a day / 200
    assertEquals("one_more", world.searchPublicChat(BOB, "one_more").title()); // per account
    assertEquals("one_more", world.searchPublicChat(BOT, "one_more").title()); // Bot API: free
    clock.advance(Duration.ofSeconds(432));
    assertEquals("one_more", world.searchPublicChat(ALICE, "one_more").title());
  }

  @Test
  void resolvingAChatTheAccountAlreadySeesCostsNoBudget() {
    group("seen_group");
    for (int i = 0; i < 500; i++) {
      world.searchPublicChat(ALICE, "seen_group");
    }
    refused(400, "USERNAME_NOT_OCCUPIED", () -> world.searchPublicChat(ALICE, "still_budget"));
  }

  @Test
  void joiningAPublicGroupMakesTheAccountAMember() {
    Chat chat = joined("open_group");
    ChatMember member = world.getChatMember(ALICE, chat.id(), ALICE);
    assertEquals(Membership.MEMBER, member.membership());
    assertTrue(member.canPost());
    assertEquals(1, world.getChat(ALICE, chat.id()).memberCount());
    assertEquals(chat.id(), world.joinChat(ALICE, chat.id()).id()); // joining again is a no-op
  }

  @Test
  void joiningAChatThatNeedsApprovalSendsAJoinRequestThatAnAdminApproves() {
    Chat chat = world.createChat(NewChat.supergroup("Club").username("club_group").joinByRequest());
    world.searchPublicChat(ALICE, "club_group");
    refused(400, "INVITE_REQUEST_SENT", () -> world.joinChat(ALICE, chat.id()));
    assertEquals(List.of(ALICE), world.joinRequests(chat.id()));
    refused(400, "CHAT_WRITE_FORBIDDEN", () -> world.sendMessage(ALICE, chat.id(), "hi"));
    world.approveJoinRequest(chat.id(), ALICE);
    assertEquals(Membership.MEMBER, world.getChatMember(ALICE, chat.id(), ALICE).membership());
    assertEquals(1, world.sendMessage(ALICE, chat.id(), "hi").id());
    refused(400, "HIDE_REQUESTER_MISSING", () -> world.approveJoinRequest(chat.id(), BOB));
  }

  @Test
  void privateChatsAreJoinedOnlyByInviteLink() {
    Chat chat =
        world.createChat(NewChat.supergroup("Private").inviteLink("https://t.me/+SecretHash1"));
    world.tell(ALICE, chat.id());
    refused(400, "CHANNEL_PRIVATE", () -> world.joinChat(ALICE, chat.id()));
    refused(400, "CHANNEL_PRIVATE", () -> world.sendMessage(ALICE, chat.id(), "hi"));
    InviteLinkInfo info = world.checkChatInviteLink(ALICE, "https://t.me/+SecretHash1");
    assertEquals(0, info.chatId()); // TDLib names the chat only to members
    assertEquals("Private", info.title());
    assertEquals(chat.id(), world.joinChatByInviteLink(ALICE, "t.me/joinchat/SecretHash1").id());
    assertEquals(chat.id(), world.checkChatInviteLink(ALICE, "https://t.me/+SecretHash1").chatId());
    refused(
        400,
        "USER_ALREADY_PARTICIPANT",
        () -> world.joinChatByInviteLink(ALICE, "https://t.me/+SecretHash1"));
    refused(400, "INVITE_HASH_INVALID", () -> world.checkChatInviteLink(ALICE, "+NoSuchHash"));
  }

  @Test
  void inviteLinksThatNeedApprovalSendAJoinRequest() {
    Chat chat =
        world.createChat(
            NewChat.supergroup("Club").inviteLink("https://t.me/+ClubHash01").joinByRequest());
    assertTrue(world.checkChatInviteLink(ALICE, "https://t.me/+ClubHash01").createsJoinRequest());
    refused(
        400,
        "INVITE_REQUEST_SENT",
        () -> world.joinChatByInviteLink(ALICE, "https://t.me/+ClubHash01"));
    world.approveJoinRequest(chat.id(), ALICE);
    assertEquals(1, world.sendMessage(ALICE, chat.id(), "hi").id());
  }

  @Test
  void revokedInviteLinksAnswerInviteHashExpired() {
    Chat chat =
        world.createChat(NewChat.supergroup("Private").inviteLink("https://t.me/+OldHash123"));
    String fresh = world.revokeInviteLink(chat.id());
    refused(
        400,
        "INVITE_HASH_EXPIRED",
        () -> world.joinChatByInviteLink(ALICE, "https://t.me/+OldHash123"));
    assertEquals(chat.id(), world.joinChatByInviteLink(ALICE, fresh).id());
    assertEquals(fresh, world.inviteLink(chat.id()).orElseThrow());
    assertTrue(world.knowsInviteLink("https://t.me/+OldHash123"));
  }

  @Test
  void nonMembersCannotWriteInAPublicGroup() {
    Chat chat = group("public_group");
    world.searchPublicChat(ALICE, "public_group");
    refused(400, "CHAT_WRITE_FORBIDDEN", () -> world.sendMessage(ALICE, chat.id(), "hi"));
  }

  @Test
  void onlyAdminsPostInChannels() {
    Chat channel = world.createChat(NewChat.channel("News").username("news_channel"));
    world.searchPublicChat(ALICE, "news_channel");
    world.joinChat(ALICE, channel.id());
    assertFalse(world.getChatMember(ALICE, channel.id(), ALICE).canPost());
    refused(400, "CHAT_WRITE_FORBIDDEN", () -> world.sendMessage(ALICE, channel.id(), "hi"));
    world.setMembership(channel.id(), ALICE, Membership.ADMINISTRATOR);
    assertEquals(1, world.sendMessage(ALICE, channel.id(), "hi").id());
  }

  @Test
  void aChannelsDiscussionGroupIsLinkedBothWays() {
    Chat channel = world.createChat(NewChat.channel("News").username("news_channel"));
    Chat comments =
        world.createChat(
            NewChat.of(ChatKind.DISCUSSION_GROUP, "Comments")
                .username("news_comments")
                .discussionOf(channel.id()));
    assertEquals(channel.id(), comments.linkedChatId());
    assertEquals(comments.id(), world.chat(channel.id()).orElseThrow().linkedChatId());
    world.searchPublicChat(ALICE, "news_comments");
    world.joinChat(ALICE, comments.id());
    assertEquals(1, world.sendMessage(ALICE, comments.id(), "a comment").id());
  }

  @Test
  void slowModeRejectsASecondMessageWithinTheDelay() {
    Chat chat = joined("slow_group");
    world.setSlowMode(chat.id(), 30);
    world.sendMessage(ALICE, chat.id(), "first");
    clock.advance(Duration.ofSeconds(12));
    TelegramException wait =
        refused(400, "SLOWMODE_WAIT_18", () -> world.sendMessage(ALICE, chat.id(), "second"));
    assertEquals(Duration.ofSeconds(18), wait.retryAfter().orElseThrow());
    clock.advance(Duration.ofSeconds(18));
    assertEquals(2, world.sendMessage(ALICE, chat.id(), "second").id());
  }

  @Test
  void slowModeIsPerMember() {
    Chat chat = joined("slow_group");
    world.setSlowMode(chat.id(), 60);
    world.searchPublicChat(BOB, "slow_group");
    world.joinChat(BOB, chat.id());
    world.sendMessage(ALICE, chat.id(), "alice");
    assertEquals(2, world.sendMessage(BOB, chat.id(), "bob").id());
  }

  @Test
  void adminsAreExemptFromSlowMode() {
    Chat chat = joined("slow_group");
    world.setSlowMode(chat.id(), 3600);
    world.setMembership(chat.id(), ALICE, Membership.ADMINISTRATOR);
    world.sendMessage(ALICE, chat.id(), "one");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(2, world.sendMessage(ALICE, chat.id(), "two").id());
  }

  @Test
  void slowModeTakesOnlyTelegramsDelays() {
    Chat chat = group("slow_group");
    for (int seconds : List.of(0, 10, 30, 60, 300, 900, 3600)) {
      world.setSlowMode(chat.id(), seconds);
      assertEquals(seconds, world.chat(chat.id()).orElseThrow().slowModeDelay());
    }
    assertThrows(IllegalArgumentException.class, () -> world.setSlowMode(chat.id(), 45));
    Chat channel = world.createChat(NewChat.channel("News"));
    assertThrows(IllegalArgumentException.class, () -> world.setSlowMode(channel.id(), 30));
  }

  @Test
  void oneChatTakesAboutOneMessagePerSecondFromOneAccount() {
    Chat chat = joined("busy_group");
    for (int i = 1; i <= 3; i++) {
      world.sendMessage(ALICE, chat.id(), "burst " + i); // a short burst passes
    }
    refused(420, "FLOOD_WAIT_1", () -> world.sendMessage(ALICE, chat.id(), "too fast"));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(4, world.sendMessage(ALICE, chat.id(), "later").id());
  }

  @Test
  void botsSendAtMostTwentyMessagesAMinuteToOneGroup() {
    Chat chat = group("bot_group");
    world.setMembership(chat.id(), BOT, Membership.MEMBER);
    // One a second (within the per-chat rate): a full allowance of 20 plus one every 3 s lasts
    // 29 messages; then the bot waits, and in the long run sends 20 a minute.
    for (int i = 0; i < 29; i++) {
      world.sendMessage(BOT, chat.id(), "update " + i);
      clock.advance(Duration.ofSeconds(1));
    }
    TelegramException wait =
        refused(
            429,
            "Too Many Requests: retry after 1",
            () -> world.sendMessage(BOT, chat.id(), "one more"));
    assertEquals(Duration.ofSeconds(1), wait.retryAfter().orElseThrow());
    clock.advance(Duration.ofSeconds(3));
    world.sendMessage(BOT, chat.id(), "one more");
  }

  @Test
  void theAccountsFloodBudgetAnswersFloodWait() {
    for (int i = 0; i < 31; i++) {
      Chat chat = group("budget_group_" + i);
      world.setMembership(chat.id(), ALICE, Membership.MEMBER);
      if (i < 30) {
        world.sendMessage(ALICE, chat.id(), "text " + i);
      } else {
        refused(420, "FLOOD_WAIT_1", () -> world.sendMessage(ALICE, chat.id(), "text 30"));
      }
    }
  }

  @Test
  void aJoinBeyondTheAccountsJoinBudgetIsAFloodWaitThatJoinsNothing() {
    for (int i = 0; i < 20; i++) {
      joined("quick_group_" + i);
    }
    Chat oneTooMany = group("quick_group_20");
    world.searchPublicChat(ALICE, "quick_group_20");
    TelegramException flood =
        refused(420, "FLOOD_WAIT_180", () -> world.joinChat(ALICE, oneTooMany.id()));
    assertEquals(Optional.of(Duration.ofSeconds(180)), flood.retryAfter());
    assertEquals(Membership.LEFT, world.getChatMember(ALICE, oneTooMany.id(), ALICE).membership());
    assertEquals(1, world.figures().joinFloodWaits());
    clock.advance(flood.retryAfter().orElseThrow());
    world.joinChat(ALICE, oneTooMany.id());
    assertEquals(21, world.figures().joins());
  }

  @Test
  void theSameTextToTooManyChatsTheAccountIsNewInEarnsPeerFlood() {
    for (int i = 0; i < 20; i++) {
      Chat chat = joined("new_group_" + i);
      world.sendMessage(ALICE, chat.id(), "Buy now!");
      clock.advance(JOIN_SPACING);
    }
    Chat oneTooMany = joined("new_group_20");
    refused(400, "PEER_FLOOD", () -> world.sendMessage(ALICE, oneTooMany.id(), "Buy now!"));
    // The account stays limited for a day, whatever it sends.
    refused(400, "PEER_FLOOD", () -> world.sendMessage(ALICE, oneTooMany.id(), "Other text"));
    clock.advance(Duration.ofDays(1));
    assertEquals(1, world.sendMessage(ALICE, oneTooMany.id(), "Other text").id());
  }

  @Test
  void differentTextsOrOldMembershipsAreNotSpam() {
    for (int i = 0; i < 25; i++) {
      Chat chat = joined("varied_group_" + i);
      world.sendMessage(ALICE, chat.id(), "Hello number " + i);
      clock.advance(JOIN_SPACING);
    }
    for (int i = 0; i < 25; i++) {
      joined("old_group_" + i);
      clock.advance(JOIN_SPACING);
    }
    clock.advance(Duration.ofDays(1));
    for (int i = 0; i < 25; i++) {
      long id = world.chatByUsername("old_group_" + i).orElseThrow().id();
      world.sendMessage(ALICE, id, "Same text");
      clock.advance(Duration.ofSeconds(2));
    }
  }

  @Test
  void membersBannedInAChatLoseAccessToIt() {
    Chat chat = joined("strict_group");
    world.setMembership(chat.id(), ALICE, Membership.BANNED);
    refused(400, "CHANNEL_PRIVATE", () -> world.sendMessage(ALICE, chat.id(), "hi"));
    refused(400, "CHANNEL_PRIVATE", () -> world.joinChat(ALICE, chat.id()));
    world.setMembership(chat.id(), BOT, Membership.BANNED);
    world.tell(BOT, chat.id());
    refused(
        403,
        "Forbidden: bot was kicked from the supergroup chat",
        () -> world.sendMessage(BOT, chat.id(), "hi"));
  }

  @Test
  void accountsBannedOrRevokedGetUnauthorizedForEveryRequest() {
    Chat chat = joined("any_group");
    world.setStanding(ALICE, AccountStanding.BANNED);
    refused(401, "USER_DEACTIVATED_BAN", () -> world.sendMessage(ALICE, chat.id(), "hi"));
    refused(401, "USER_DEACTIVATED_BAN", () -> world.searchPublicChat(ALICE, "any_group"));
    world.setStanding(ALICE, AccountStanding.REVOKED);
    refused(401, "SESSION_REVOKED", () -> world.getChat(ALICE, chat.id()));
    world.setStanding(ALICE, AccountStanding.LOGGED_OUT);
    refused(401, "AUTH_KEY_UNREGISTERED", () -> world.getChat(ALICE, chat.id()));
    world.setStanding(BOT, AccountStanding.REVOKED);
    refused(401, "Unauthorized", () -> world.getChat(BOT, chat.id()));
  }

  @Test
  void botsCannotJoinAndPostOnlyWhereTheyWereAdded() {
    Chat chat = group("bot_target");
    Chat channel = world.createChat(NewChat.channel("News").username("bot_channel"));
    world.searchPublicChat(BOT, "bot_target");
    refused(400, "BOT_METHOD_INVALID", () -> world.joinChat(BOT, chat.id()));
    refused(
        403,
        "Forbidden: bot is not a member of the supergroup chat",
        () -> world.sendMessage(BOT, chat.id(), "hi"));
    world.setMembership(chat.id(), BOT, Membership.MEMBER);
    assertTrue(world.getChatMember(BOT, chat.id(), BOT).canPost());
    assertEquals(1, world.sendMessage(BOT, chat.id(), "hi").id());

    world.setMembership(channel.id(), BOT, Membership.MEMBER);
    assertFalse(world.getChatMember(BOT, channel.id(), BOT).canPost());
    refused(
        400,
        "Bad Request: need administrator rights in the channel chat",
        () -> world.sendMessage(BOT, channel.id(), "hi"));
    world.setMembership(channel.id(), BOT, Membership.ADMINISTRATOR);
    assertTrue(world.getChatMember(BOT, channel.id(), BOT).canPost());
    refused(400, "Bad Request: chat not found", () -> world.getChat(BOT, -100777L));
  }

  /** Telegram counts after formatting, in UTF-16 code units, whatever the chat. */
  @Test
  void aTooLongOrEmptyPostIsRefusedInAnyChat() {
    Chat chat = joined("long_group");
    world.setMembership(chat.id(), BOT, Membership.MEMBER);
    String longest = "x".repeat(4096);
    refused(400, "MESSAGE_TOO_LONG", () -> world.sendMessage(ALICE, chat.id(), longest + "y"));
    refused(
        400,
        "Bad Request: message is too long",
        () -> world.sendMessage(BOT, chat.id(), longest + "y"));
    refused(400, "MESSAGE_EMPTY", () -> world.sendMessage(ALICE, chat.id(), " "));
    refused(400, "Bad Request: message text is empty", () -> world.sendMessage(BOT, chat.id(), ""));
    List<SentMedium> photo = List.of(new SentMedium("photo", 1));
    String caption = "c".repeat(1024);
    refused(
        400,
        "MEDIA_CAPTION_TOO_LONG",
        () -> world.sendMedia(ALICE, chat.id(), "photo", caption + "c", photo));
    refused(
        400,
        "Bad Request: message caption is too long",
        () -> world.sendMedia(BOT, chat.id(), "photo", caption + "c", photo));
    assertEquals(6, world.sendLog().attempts());
    assertEquals(0, world.sendLog().delivered());

    assertEquals(1, world.sendMessage(ALICE, chat.id(), longest).id());
    clock.advance(Duration.ofSeconds(5));
    assertEquals(2, world.sendMedia(ALICE, chat.id(), "photo", caption, photo).id());
  }

  @Test
  void everySendIsRecordedInTheSendLog() {
    Chat chat = joined("logged_group");
    world.sendMessage(ALICE, chat.id(), "hello");
    clock.advance(Duration.ofSeconds(5));
    world.sendMessage(ALICE, chat.id(), "hello");
    world.forwardMessage(ALICE, chat.id(), "https://t.me/source/5");
    assertThrows(TelegramException.class, () -> world.sendMessage(BOB, chat.id(), "hello"));

    SendLog log = world.sendLog();
    assertEquals(4, log.attempts());
    assertEquals(3, log.delivered());
    assertEquals(2, log.count(ALICE, chat.id(), "hello"));
    assertEquals(1, log.count(ALICE, chat.id(), "https://t.me/source/5"));
    assertEquals(0, log.count(BOB, chat.id(), "hello"));
    assertEquals(1, log.duplicates());
    SendLog.Entry refused = log.entries().get(3);
    assertEquals(BOB, refused.sender());
    assertEquals("400 Chat not found", refused.outcome());
    assertEquals("forward", log.entries().get(2).type());
    assertEquals(clock.instant(), log.entries().get(1).at());
  }

  @Test
  void theSendLogKeepsRecentEntriesAndCountsTheRest() {
    SendLog log = new SendLog(3, 2);
    TelegramWorld small = new TelegramWorld(clock, TelegramLimits.unlimited(), log);
    Chat chat = small.createChat(NewChat.supergroup("g").username("small_group"));
    small.setMembership(chat.id(), ALICE, Membership.MEMBER);
    for (int i = 0; i < 5; i++) {
      small.sendMessage(ALICE, chat.id(), "text " + (i % 3));
    }
    assertEquals(3, log.entries().size());
    assertEquals("text 1", log.entries().get(2).text());
    assertEquals(5, log.delivered());
    assertEquals(2, log.count(ALICE, chat.id(), "text 0"));
    assertEquals(1, log.uncounted()); // "text 2" found the per-text counters full
  }

  @Test
  void refusedSendsSpendNoBudget() {
    Chat chat = joined("patient_group");
    world.setSlowMode(chat.id(), 10);
    world.sendMessage(ALICE, chat.id(), "one");
    for (int i = 0; i < 50; i++) {
      assertThrows(TelegramException.class, () -> world.sendMessage(ALICE, chat.id(), "two"));
    }
    clock.advance(Duration.ofSeconds(10));
    assertEquals(2, world.sendMessage(ALICE, chat.id(), "two").id());
  }

  @Test
  void concurrentSendsAreAllCounted() throws Exception {
    TelegramWorld open = new TelegramWorld(clock, TelegramLimits.unlimited());
    Chat chat = open.createChat(NewChat.supergroup("g").username("shared_group"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        Account account = Account.user(100 + t);
        open.setMembership(chat.id(), account, Membership.MEMBER);
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    open.sendMessage(account, chat.id(), "same");
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(4000, open.sendLog().delivered());
    assertEquals(4000, open.sendMessage(Account.user(100), chat.id(), "last").id() - 1);
  }
}

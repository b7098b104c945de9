package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.TargetErrors;
import dev.herald.domain.targets.TargetMembership;
import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.Chat;
import dev.herald.telegram.model.NewChat;
import dev.herald.telegram.model.TelegramWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Targets that name a forum topic, against the engine on the Telegram model: every post goes into
 * that topic (never the forum's General topic, where a group's admins often forbid adverts), and a
 * topic its admins closed is refused once, then left alone for an hour, the session staying a
 * member, instead of being refused at every cycle; the model's send log is the judge.
 */
class ForumTopicsTest {

  private static final long SESSION = 7;
  private static final Account USER = Account.user(SESSION);
  @RegisterExtension final CycleBench bench = new CycleBench(Instant.parse("2026-03-02T09:00:00Z"));

  private final EngineOnModel engine = new EngineOnModel(bench, false);
  private final TelegramWorld telegram = engine.telegram;

  private void cycle(long cycleId, List<ChatReference> groups) {
    engine.sessionCycle(
        cycleId,
        "Fresh apples, 2 EUR a kilo",
        groups,
        SESSION,
        Duration.ofMinutes(1),
        new TargetRules(10));
  }

  private Chat forum(String username) {
    return telegram.createChat(NewChat.supergroup(username).username(username).forum());
  }

  @Test
  void postsGoIntoTheNamedTopicAndAClosedTopicIsRefusedOnceAnHour() {
    Chat market = forum("market");
    int adverts = telegram.createTopic(market.id());
    Chat bazaar = forum("bazaar");
    int offers = telegram.createTopic(bazaar.id());
    telegram.setTopicClosed(bazaar.id(), offers, true);
    ChatReference advertsTopic = ChatReference.parse("https://t.me/market/" + adverts);
    ChatReference offersTopic = ChatReference.parse("https://t.me/bazaar/" + offers);
    List<ChatReference> groups = List.of(advertsTopic, offersTopic);

    for (int cycle = 1; cycle <= 5; cycle++) {
      cycle(cycle, groups);
      bench.clock.advance(Duration.ofMinutes(1));
    }

    assertEquals(5, engine.delivered(e -> e.chatId() == market.id() && e.topic() == adverts));
    assertEquals(5, engine.deliveredBy(USER), "nothing into General, nothing elsewhere");
    assertEquals(
        Map.of("TOPIC_CLOSED", 1L),
        telegram.figures().refusedByReason(),
        "the closed topic is asked once, not at every cycle");
    ChatTarget waiting =
        engine.targets.saved.values().stream()
            .filter(t -> t.key().chat().equals(offersTopic.canonical()))
            .findFirst()
            .orElseThrow();
    assertEquals(TargetMembership.JOINED, waiting.membership(), "no join again");
    assertTrue(waiting.lastErrorIs(TargetErrors.TOPIC_UNAVAILABLE), waiting::toString);
    assertEquals(2, telegram.figures().joins(), "each forum joined once");

    telegram.setTopicClosed(bazaar.id(), offers, false);
    bench.clock.advance(TargetRules.BLOCKED_RECHECK);
    cycle(6, groups);
    assertEquals(1, engine.delivered(e -> e.chatId() == bazaar.id() && e.topic() == offers));
    assertEquals(2, telegram.figures().joins());
  }

  /**
   * The tenant moves the target to another topic, then to none: it is the same chat, so the slow
   * mode the first post started is kept to (Telegram counts it per chat, whatever the topic) and
   * nothing is joined again.
   */
  @Test
  void aTargetMovedToAnotherTopicKeepsItsChatsSlowModeAndMembership() {
    Chat market =
        telegram.createChat(NewChat.supergroup("market").username("market").forum().slowMode(300));
    int adverts = telegram.createTopic(market.id());
    int offers = telegram.createTopic(market.id());
    cycle(1, List.of(ChatReference.parse("@market/" + adverts)));
    bench.clock.advance(Duration.ofMinutes(1));
    cycle(2, List.of(ChatReference.parse("@market/" + offers)));
    assertEquals(1, telegram.sendLog().entries().size(), "the slow mode still runs");
    bench.clock.advance(Duration.ofMinutes(5));
    cycle(3, List.of(ChatReference.parse("@market/" + offers)));
    bench.clock.advance(Duration.ofMinutes(1));
    cycle(4, List.of(ChatReference.parse("@market")));

    assertEquals(Map.of(), telegram.figures().refusedByReason(), "no SLOWMODE_WAIT earned");
    assertEquals(
        List.of(adverts, offers),
        telegram.sendLog().entries().stream().map(e -> e.topic()).toList());
    assertEquals(1, telegram.figures().joins(), "joined once, whatever the topic");
  }

  @Test
  void aTopicOfAGroupThatIsNoForumIsNeverSentThereNorJoined() {
    Chat plain = telegram.createChat(NewChat.supergroup("plain").username("plain_group"));
    for (int cycle = 1; cycle <= 3; cycle++) {
      cycle(cycle, List.of(ChatReference.parse("https://t.me/plain_group/5")));
      bench.clock.advance(Duration.ofMinutes(1));
    }
    assertEquals(0, telegram.sendLog().entries().size(), "no post as a reply to message 5");
    assertEquals(0, telegram.figures().joins());
    ChatTarget refused = engine.targets.saved.values().iterator().next();
    assertTrue(refused.lastErrorIs(TargetErrors.TOPIC_UNAVAILABLE), refused::toString);
    assertTrue(refused.lastError().orElseThrow().message().contains("is not a forum"));
    assertEquals(plain.id(), refused.chatId());
  }

  /**
   * The session is already in the group (its owner joined it by hand) and the tenant names a topic
   * the group does not have: the preparation refuses it every hour and no post goes out, not even
   * after the hour's wait (TDLib would post it as a reply to message 5).
   */
  @Test
  void aTopicOfAGroupTheSessionIsInButThatIsNoForumIsNeverSentThere() {
    Chat plain = telegram.createChat(NewChat.supergroup("plain").username("plain_group"));
    telegram.joinChat(USER, telegram.searchPublicChat(USER, "plain_group").id());
    for (int cycle = 1; cycle <= 4; cycle++) {
      cycle(cycle, List.of(ChatReference.parse("https://t.me/plain_group/5")));
      bench.clock.advance(TargetRules.BLOCKED_RECHECK.plusMinutes(1));
    }
    assertEquals(0, telegram.sendLog().entries().size(), "no post as a reply to message 5");
    ChatTarget refused = engine.targets.saved.values().iterator().next();
    assertEquals(TargetMembership.JOINED, refused.membership(), "a member, as it is");
    assertTrue(refused.lastErrorIs(TargetErrors.TOPIC_UNAVAILABLE), refused::toString);
    assertEquals(plain.id(), refused.chatId());
  }

  /**
   * The target moves to another topic and back within the chat's slow mode: the first topic's own
   * record is older than the wait the second one started, and the chat's wait is kept to all the
   * same.
   */
  @Test
  void aTargetMovedBackKeepsToTheSlowModeTheOtherTopicStarted() {
    Chat market =
        telegram.createChat(NewChat.supergroup("market").username("market").forum().slowMode(300));
    int adverts = telegram.createTopic(market.id());
    int offers = telegram.createTopic(market.id());
    cycle(1, List.of(ChatReference.parse("@market/" + adverts)));
    bench.clock.advance(Duration.ofMinutes(6));
    cycle(2, List.of(ChatReference.parse("@market/" + offers)));
    bench.clock.advance(Duration.ofMinutes(1));
    cycle(3, List.of(ChatReference.parse("@market/" + adverts)));

    assertEquals(Map.of(), telegram.figures().refusedByReason(), "no SLOWMODE_WAIT earned");
    assertEquals(2, telegram.sendLog().entries().size(), "the third waits for the slow mode");
  }
}

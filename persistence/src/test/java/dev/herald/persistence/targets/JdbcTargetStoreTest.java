package dev.herald.persistence.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.TargetErrors;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.targets.TargetMembership;
import dev.herald.domain.telegram.Sender;
import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import dev.herald.persistence.session.SessionSql;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JdbcTargetStoreTest extends DatabaseTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
  private final JdbcTargetStore store = new JdbcTargetStore(TestDatabase.dataSource());

  /** Joined an hour ago, admitted (member) then, first posted to while new a minute later. */
  private static ChatTarget slow(long account, long session) {
    return new ChatTarget(
        new TargetKey(account, Sender.Kind.SESSION, session, "@sandbox_slow"),
        -1001,
        "Slow",
        TargetMembership.JOINED,
        30,
        Optional.of(NOW.plusSeconds(30)),
        Optional.of(NOW.minusSeconds(3600)),
        Optional.empty(),
        Optional.of(NOW.minusSeconds(3599)),
        Optional.of(NOW.minusSeconds(3540)));
  }

  @Test
  void aSessionsResolvedChatIdIsFoundInAnyAccountItPostedForTheLatestFirst() {
    long account = rows.account("ACTIVE", null);
    long other = rows.account("ACTIVE", null);
    store.save(List.of(slow(account, 12)));
    assertEquals(OptionalLong.of(-1001), store.chatIdOf(12, "@sandbox_slow"));

    ChatTarget upgradedSince = slow(other, 12);
    rows.update("UPDATE chat_target SET updated_at = now() - interval '1 hour'");
    store.save(
        List.of(
            new ChatTarget(
                upgradedSince.key(),
                -2002,
                upgradedSince.title(),
                upgradedSince.membership(),
                upgradedSince.slowModeSeconds(),
                upgradedSince.nextPostAt(),
                upgradedSince.joinedAt(),
                upgradedSince.lastError(),
                upgradedSince.memberSince(),
                upgradedSince.postedNewAt())));
    assertEquals(OptionalLong.of(-2002), store.chatIdOf(12, "@sandbox_slow"), "the latest written");
    assertEquals(OptionalLong.empty(), store.chatIdOf(13, "@sandbox_slow"), "another session's");
    assertEquals(OptionalLong.empty(), store.chatIdOf(12, "@elsewhere"));
  }

  @Test
  void aChatIdHeldUnderATopicIsTheChatsButNotAnotherChatsWithTheSamePrefix() {
    long account = rows.account("ACTIVE", null);
    ChatTarget slow = slow(account, 14);
    store.save(
        List.of(
            withChat(slow, "@sandbox_slow/5", -3003), withChat(slow, "@sandbox_slowest", -4004)));
    assertEquals(OptionalLong.of(-3003), store.chatIdOf(14, "@sandbox_slow"));
    assertEquals(OptionalLong.of(-4004), store.chatIdOf(14, "@sandbox_slowest"));
    assertEquals(OptionalLong.empty(), store.chatIdOf(14, "@sandbox_slo"));
  }

  private static ChatTarget withChat(ChatTarget target, String chat, long chatId) {
    return new ChatTarget(
        new TargetKey(
            target.key().accountId(), target.key().senderKind(), target.key().senderId(), chat),
        chatId,
        target.title(),
        target.membership(),
        target.slowModeSeconds(),
        target.nextPostAt(),
        target.joinedAt(),
        target.lastError(),
        target.memberSince(),
        target.postedNewAt());
  }

  @Test
  void targetsSurviveAsWrittenAndAreReadPerAccount() {
    long account = rows.account("ACTIVE", null);
    long other = rows.account("ACTIVE", null);
    ChatTarget botNotAdded =
        new ChatTarget(
            new TargetKey(account, Sender.Kind.USER_BOT, 3, "@club"),
            0,
            null,
            TargetMembership.NOT_MEMBER,
            0,
            Optional.of(NOW.plusSeconds(60)),
            Optional.empty(),
            Optional.of(TargetErrors.botNotMember("YourBot", "@club")),
            Optional.empty(),
            Optional.empty());
    store.save(List.of(slow(account, 12), botNotAdded, slow(other, 13)));

    Map<TargetKey, ChatTarget> read = store.forAccount(account);

    assertEquals(2, read.size());
    assertEquals(slow(account, 12), read.get(slow(account, 12).key()));
    assertEquals(botNotAdded, read.get(botNotAdded.key()));
  }

  @Test
  void aClaimedBatchsTargetsAreReadInOneGoWithAnEntryForEveryAccount() {
    long account = rows.account("ACTIVE", null);
    long other = rows.account("ACTIVE", null);
    long without = rows.account("ACTIVE", null);
    store.save(List.of(slow(account, 12), slow(other, 13)));

    Map<Long, Map<TargetKey, ChatTarget>> read =
        store.forAccounts(List.of(account, other, without));

    assertEquals(Map.of(slow(account, 12).key(), slow(account, 12)), read.get(account));
    assertEquals(Map.of(slow(other, 13).key(), slow(other, 13)), read.get(other));
    assertEquals(Map.of(), read.get(without));
  }

  @Test
  void aSessionsRecentRecordsInTheOtherAccountsAreReadForItsPaceAndItsNewChats() {
    long account = rows.account("ACTIVE", null);
    long before = rows.account("ACTIVE", null);
    long older = rows.account("ACTIVE", null);
    ChatTarget own = slow(account, 12);
    ChatTarget elsewhere = slow(before, 12);
    ChatTarget anotherSession = slow(before, 13);
    ChatTarget tooOld =
        new ChatTarget(
            new TargetKey(older, Sender.Kind.SESSION, 12, "@old"),
            -1002,
            "Old",
            TargetMembership.JOINED,
            0,
            Optional.empty(),
            Optional.of(NOW.minusSeconds(9 * 86_400)),
            Optional.empty(),
            Optional.of(NOW.minusSeconds(9 * 86_400)),
            Optional.empty());
    store.save(List.of(own, elsewhere, anotherSession, tooOld));

    assertEquals(
        List.of(elsewhere),
        store.ofSessionElsewhere(12, account, NOW.minusSeconds(2 * 86_400)),
        "not this account's, not another session's, not one older than asked");
  }

  @Test
  void aSessionAssignedWhileItHasRecordsInAnotherAccountIsMarkedMoved() {
    long before = rows.account("ACTIVE", null);
    long account = rows.account("ACTIVE", null);
    long pair = rows.apiPair(7);
    long moving = rows.session(pair, "UNUSED", null, null);
    long fresh = rows.session(pair, "UNUSED", null, null);
    store.save(List.of(slow(before, moving)));

    rows.update(SessionSql.ASSIGN_SESSION, account, moving);
    rows.update(SessionSql.ASSIGN_SESSION, account, fresh);

    assertEquals(
        Set.of(moving),
        store.movedSessions(List.of(moving, fresh), NOW.minusSeconds(60)),
        "only the session with records in another account");
    assertEquals(Set.of(), store.movedSessions(List.of(moving), NOW.plusSeconds(60)));
  }

  @Test
  void savingAgainReplacesTheRecord() {
    long account = rows.account("ACTIVE", null);
    store.save(List.of(slow(account, 12)));
    ChatTarget waited = slow(account, 12).waitUntil(NOW.plusSeconds(99), Optional.empty());
    store.save(List.of(waited));

    assertEquals(Map.of(waited.key(), waited), store.forAccount(account));
  }

  @Test
  void aRecordOfADeletedAccountIsSkippedNotFailed() {
    long account = rows.account("ACTIVE", null);
    store.save(List.of(slow(account, 12), slow(account + 1000, 12)));
    assertEquals(1, store.forAccount(account).size());
    assertTrue(store.forAccount(account + 1000).isEmpty());
  }

  @Test
  void theLastDeliveryPerChatIsTheNewestDeliveredOne() {
    long account = rows.account("ACTIVE", null);
    String insert =
        "INSERT INTO delivery_record (account_id, cycle_id, chat_ref, sender_kind, sender_id,"
            + " outcome, started_at, finished_at) VALUES (?, ?, ?, 'SESSION', 1, ?, ?, ?)";
    java.sql.Timestamp early = java.sql.Timestamp.from(NOW.minusSeconds(60));
    java.sql.Timestamp late = java.sql.Timestamp.from(NOW);
    rows.update(insert, account, 1, "@a", "DELIVERED", early, early);
    rows.update(insert, account, 2, "@a", "DELIVERED", late, late);
    rows.update(insert, account, 3, "@a", "SLOW_MODE", late, late);
    rows.update(insert, account, 3, "@b", "CHAT_FORBIDDEN", late, late);

    assertEquals(Map.of("@a", NOW), store.lastDelivered(account));
  }
}

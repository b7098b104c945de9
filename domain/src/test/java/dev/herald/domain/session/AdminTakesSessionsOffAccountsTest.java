package dev.herald.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.audit.Actor;
import dev.herald.domain.audit.AuditAction;
import dev.herald.domain.audit.AuditLog;
import dev.herald.domain.bot.Bot;
import dev.herald.domain.bot.BotRepository;
import dev.herald.domain.bot.StopReason;
import dev.herald.domain.engine.SessionPenalties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An admin's ban, release or delete of a session that posts for an account takes it off the account
 * as the engine would: a replacement from the pool and activity entries ({@link
 * SessionPenalties#banAndReplace}, {@link SessionPenalties#releaseAndReplace}), and the account's
 * running cycle, which holds the session as a sender, continued without it ({@link
 * BotRepository#outdateRunningCycle}).
 */
class AdminTakesSessionsOffAccountsTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Actor ADMIN = new Actor(1, "admin", "req-1");

  private final Map<Long, TelegramSession> rows = new HashMap<>();
  private final List<String> penaltyCalls = new ArrayList<>();
  private final List<String> audited = new ArrayList<>();
  private final SessionPoolService pool = new SessionPoolService();

  AdminTakesSessionsOffAccountsTest() {
    pool.sessions = new SessionRows();
    pool.bots = new Bots();
    pool.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    pool.penalties = new Penalties();
    pool.audit =
        new AuditLog() {
          @Override
          public void record(
              Actor actor, AuditAction action, String targetType, Object targetId, String details) {
            audited.add(action + " " + targetId + " " + details);
          }
        };
  }

  @Test
  void anAdminBanOfAnAssignedSessionGoesThroughBanAndReplace() {
    session(7, SessionState.ASSIGNED, 42L);

    TelegramSession banned = pool.ban(ADMIN, 7, "spam reports");

    assertEquals(
        List.of(
            "banAndReplace account=42 session=7 reason=spam reports",
            "outdateRunningCycle account=42"),
        penaltyCalls);
    assertEquals(SessionState.BANNED, banned.state(), "the caller sees the session as banned");
    assertTrue(banned.assignedAccountId().isEmpty());
    assertEquals(List.of("SESSION_BANNED 7 reason=spam reports"), audited);
  }

  @Test
  void anAdminBanOfAnUnassignedSessionBansItInPlace() {
    session(8, SessionState.UNUSED, null);

    TelegramSession banned = pool.ban(ADMIN, 8, " ");

    assertEquals(List.of(), penaltyCalls, "no account to replace it for");
    assertEquals(SessionState.BANNED, banned.state());
    assertEquals(Optional.of("ADMIN"), banned.banReason());
  }

  @Test
  void anAdminReleaseOfAnAssignedSessionReplacesItAndOutdatesTheRunningCycle() {
    session(7, SessionState.ASSIGNED, 42L);

    TelegramSession released = pool.release(ADMIN, 7);

    assertEquals(
        List.of(
            "releaseAndReplace account=42 session=7 reason=RELEASED",
            "outdateRunningCycle account=42"),
        penaltyCalls);
    assertEquals(SessionState.UNUSED, released.state());
    assertTrue(released.assignedAccountId().isEmpty());
    assertEquals(List.of("SESSION_RELEASED 7 null"), audited);
  }

  @Test
  void anAdminDeleteOfAnAssignedSessionTakesItOffItsAccountFirst() {
    session(7, SessionState.ASSIGNED, 42L);

    pool.delete(ADMIN, 7);

    assertEquals(
        List.of(
            "releaseAndReplace account=42 session=7 reason=DELETED",
            "outdateRunningCycle account=42"),
        penaltyCalls);
    assertTrue(rows.isEmpty());
  }

  @Test
  void anUnassignedSessionIsReleasedOrDeletedInPlace() {
    session(8, SessionState.NEEDS_LOGIN, null);
    session(9, SessionState.UNUSED, null);

    assertEquals(SessionState.UNUSED, pool.release(ADMIN, 8).state());
    pool.delete(ADMIN, 9);

    assertEquals(List.of(), penaltyCalls, "no account to replace them for");
  }

  private void session(long id, SessionState state, Long account) {
    TelegramSession session = new TelegramSession(1, "+44****12", null, state, NOW);
    PersistedColumns.write(session, "id", id);
    PersistedColumns.write(session, "assignedAccountId", account);
    rows.put(id, session);
  }

  /** The engine's ban path, as the database would apply it to the session row. */
  private final class Penalties implements SessionPenalties {
    @Override
    public void coolDownSession(long accountId, long sessionId, Instant until, String reason) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Long> banAndReplace(long accountId, long sessionId, String reason) {
      penaltyCalls.add(
          "banAndReplace account=" + accountId + " session=" + sessionId + " reason=" + reason);
      rows.get(sessionId).ban(reason, NOW);
      return Optional.of(99L);
    }

    @Override
    public Optional<Long> releaseAndReplace(long accountId, long sessionId, String reason) {
      penaltyCalls.add(
          "releaseAndReplace account=" + accountId + " session=" + sessionId + " reason=" + reason);
      rows.get(sessionId).release(NOW);
      return Optional.of(99L);
    }

    @Override
    public void parkUnavailable(long accountId, long sessionId, Instant retryAt, String reason) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Long> parkNeedsLoginAndReplace(long accountId, long sessionId, String reason) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void showError(long accountId, String reason) {
      throw new UnsupportedOperationException();
    }
  }

  /** Bots: only the running cycle's mark is asked for. */
  private final class Bots implements BotRepository {
    @Override
    public Optional<Bot> findByAccountId(long accountId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Bot save(Bot bot) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Bot> requestStop(long accountId, StopReason reason) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean replanDeferred(long accountId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void outdateRunningCycle(long accountId) {
      penaltyCalls.add("outdateRunningCycle account=" + accountId);
    }
  }

  /** Sessions by id; a reload returns the row as it is now. */
  private final class SessionRows implements SessionRepository {
    @Override
    public TelegramSession save(TelegramSession session) {
      return session;
    }

    @Override
    public Optional<TelegramSession> findById(long id) {
      return Optional.ofNullable(rows.get(id));
    }

    @Override
    public TelegramSession reload(TelegramSession session) {
      return rows.get(session.id());
    }

    @Override
    public List<TelegramSession> assignedTo(long accountId) {
      return List.of();
    }

    @Override
    public void delete(TelegramSession session) {
      rows.remove(session.id());
    }

    @Override
    public ApiPair save(ApiPair pair) {
      return pair;
    }

    @Override
    public Optional<ApiPair> findApiPair(long id) {
      return Optional.empty();
    }

    @Override
    public Optional<ApiPair> findApiPairByApiId(int apiId) {
      return Optional.empty();
    }

    @Override
    public long inUse(long apiPairId) {
      return 0;
    }

    @Override
    public List<Long> allocate(long accountId, int count) {
      return List.of();
    }

    @Override
    public List<Long> keepAtMost(long accountId, int count) {
      throw new UnsupportedOperationException();
    }
  }
}

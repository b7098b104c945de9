package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.engine.SessionLease;
import dev.herald.persistence.TestDatabase;
import dev.herald.persistence.TestRows;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Rule 15's dealing in Java ({@link SessionLease#claimable}, {@link SessionLease#dealable}) and in
 * SQL (the claim, {@link LeaseSql#CLAIM_DUE} with {@link SessionLeaseSql#heldElsewhere}) agree on
 * every mix of a bot's sessions: no lease, this node's, another node's live one, another node's run
 * out.
 */
class SessionLeaseRuleTwinTest {

  private static final String NODE = "node-a";
  private static final Duration LEASE = Duration.ofSeconds(30);

  /** A session's lease in a row: none, this node's, another live node's, a dead node's. */
  enum Held {
    NONE,
    MINE,
    OTHER,
    RAN_OUT
  }

  private final TestRows rows = new TestRows(TestDatabase.dataSource());
  private final JdbcLeaseStore leases = new JdbcLeaseStore(TestDatabase.dataSource());

  @Test
  void javaRuleAndSqlTwinAgreeOnEveryMix() {
    List<List<Held>> mixes =
        List.of(
            List.of(),
            List.of(Held.NONE),
            List.of(Held.MINE),
            List.of(Held.OTHER),
            List.of(Held.RAN_OUT),
            List.of(Held.OTHER, Held.OTHER),
            List.of(Held.OTHER, Held.NONE),
            List.of(Held.OTHER, Held.MINE),
            List.of(Held.OTHER, Held.RAN_OUT),
            List.of(Held.MINE, Held.NONE, Held.OTHER, Held.RAN_OUT));
    for (List<Held> mix : mixes) {
      TestDatabase.clean();
      Instant now = Instant.now();
      long bot = rows.bot(rows.account("ACTIVE", null), "RUNNING", now.minusSeconds(1), "@twin");
      long pair = rows.apiPair(10);
      List<Long> usable = new ArrayList<>();
      Map<Long, SessionLease> held = new HashMap<>();
      for (Held kind : mix) {
        long session = rows.session(pair, "ASSIGNED", bot, null);
        usable.add(session);
        lease(session, kind, now).ifPresent(lease -> held.put(session, lease));
      }

      List<DueCycle> claimed = leases.claimDue(NODE, Duration.ofSeconds(1), LEASE, 10);

      boolean claimable = SessionLease.claimable(usable, held, NODE, now);
      assertEquals(claimable ? 1 : 0, claimed.size(), "claimed with " + mix);
      if (claimable) {
        assertEquals(
            SessionLease.dealable(usable, held, NODE, now),
            claimed.get(0).sessionIds(),
            "dealt with " + mix);
      }
    }
  }

  private Optional<SessionLease> lease(long session, Held kind, Instant now) {
    Optional<SessionLease> lease =
        switch (kind) {
          case NONE -> Optional.empty();
          case MINE -> Optional.of(new SessionLease(session, NODE, now.plusSeconds(30)));
          case OTHER -> Optional.of(new SessionLease(session, "node-b", now.plusSeconds(30)));
          case RAN_OUT -> Optional.of(new SessionLease(session, "node-c", now.minusSeconds(30)));
        };
    lease.ifPresent(
        held ->
            rows.update(
                "INSERT INTO session_lease (session_id, owner_node, lease_until, acquired_at)"
                    + " VALUES (?, ?, ?, now())",
                session,
                held.ownerNode(),
                Timestamp.from(held.until())));
    return lease;
  }
}

package dev.herald.persistence.engine;

import dev.herald.domain.activity.ActivityEvent;
import dev.herald.domain.engine.CycleTally;
import dev.herald.domain.engine.DeliveryLedger.Completed;
import dev.herald.domain.engine.DeliveryLedger.Finished;
import dev.herald.domain.telegram.SendOutcome;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Binds a flush's rows to {@link LedgerSql#FLUSH}, statement by statement in the order the flush
 * runs them: each statement takes its columns as arrays (one element per completed cycle or
 * finished post), named here by what they hold.
 */
final class FlushParameters {

  /** The completed cycles, column by column. */
  private record Cycles(
      Long[] accounts,
      Long[] cycleIds,
      Long[] nextRunsMs,
      Integer[] attempts,
      Integer[] delivered,
      Integer[] failures,
      Integer[] floodWaits,
      String[] events,
      String[] days) {

    static Cycles of(List<Completed> completed) {
      int n = completed.size();
      Cycles c =
          new Cycles(
              new Long[n],
              new Long[n],
              new Long[n],
              new Integer[n],
              new Integer[n],
              new Integer[n],
              new Integer[n],
              new String[n],
              new String[n]);
      for (int i = 0; i < n; i++) {
        Completed done = completed.get(i);
        CycleTally t = done.tally();
        c.accounts[i] = done.cycle().accountId();
        c.cycleIds[i] = done.cycle().cycleId();
        c.nextRunsMs[i] = done.nextRunAt().toEpochMilli();
        c.attempts[i] = t.attempts();
        c.delivered[i] = t.delivered();
        c.failures[i] = t.failures();
        c.floodWaits[i] = t.floodWaits();
        c.days[i] = done.day() == null ? null : done.day().toString();
        // Every cycle's end is in the tenant's activity log (SPEC §2); its reason code and counts
        // per outcome come from the cycle's delivery records (LedgerSql.LOG_ACTIVITIES).
        c.events[i] = ActivityEvent.cycleEnded(t.failures()).name();
      }
      return c;
    }
  }

  /** The finished posts, column by column. */
  private record Posts(
      Long[] accounts,
      Long[] cycleIds,
      String[] chats,
      String[] outcomes,
      Long[] messageIds,
      String[] errors,
      Long[] finishedAtMs) {

    static Posts of(List<Finished> finished) {
      int n = finished.size();
      Posts p =
          new Posts(
              new Long[n],
              new Long[n],
              new String[n],
              new String[n],
              new Long[n],
              new String[n],
              new Long[n]);
      for (int i = 0; i < n; i++) {
        Finished f = finished.get(i);
        p.accounts[i] = f.cycle().accountId();
        p.cycleIds[i] = f.cycle().cycleId();
        p.chats[i] = f.chat();
        p.outcomes[i] = f.outcome().code();
        if (f.outcome() instanceof SendOutcome.Delivered delivered) {
          p.messageIds[i] = delivered.messageId();
        } else {
          p.errors[i] = Outcomes.describe(f.outcome());
        }
        p.finishedAtMs[i] = f.at().toEpochMilli();
      }
      return p;
    }
  }

  private final Connection connection;
  private final PreparedStatement statement;
  private int next = 1;

  private FlushParameters(Connection connection, PreparedStatement statement) {
    this.connection = connection;
    this.statement = statement;
  }

  /** Binds every parameter of {@link LedgerSql#FLUSH}. */
  static void bind(
      Connection c, PreparedStatement s, String node, List<Finished> finished, List<Completed> done)
      throws SQLException {
    Cycles cycles = Cycles.of(done);
    Posts posts = Posts.of(finished);
    FlushParameters p = new FlushParameters(c, s);
    // Columns bound to several statements are encoded once (the driver encodes an array when it
    // is created, and sends the same bytes for each parameter).
    Array accounts = c.createArrayOf("bigint", cycles.accounts());
    Array cycleIds = c.createArrayOf("bigint", cycles.cycleIds());
    Array attempts = c.createArrayOf("int4", cycles.attempts());
    Array delivered = c.createArrayOf("int4", cycles.delivered());
    // LOCK_BOTS
    p.array(accounts);
    // COMPLETE_CYCLES
    p.array(accounts);
    p.array(cycleIds);
    p.array("bigint", cycles.nextRunsMs());
    p.array(delivered);
    p.array("text", cycles.days());
    p.array(attempts);
    p.value(node);
    // ADD_STATS
    p.array(accounts);
    p.array(attempts);
    p.array(delivered);
    p.array("int4", cycles.failures());
    p.array("int4", cycles.floodWaits());
    // FINISH_DELIVERIES
    p.array("bigint", posts.accounts());
    p.array("bigint", posts.cycleIds());
    p.array("text", posts.chats());
    p.array("text", posts.outcomes());
    p.array("bigint", posts.messageIds());
    p.array("text", posts.errors());
    p.array("bigint", posts.finishedAtMs());
    // LOG_ACTIVITIES (after FINISH_DELIVERIES: it counts the cycles' outcomes)
    p.array(accounts);
    p.array(cycleIds);
    p.array("text", cycles.events());
  }

  private void array(String type, Object[] values) throws SQLException {
    array(connection.createArrayOf(type, values));
  }

  private void array(Array values) throws SQLException {
    statement.setArray(next++, values);
  }

  private void value(String text) throws SQLException {
    statement.setString(next++, text);
  }
}

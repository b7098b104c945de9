package dev.herald.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statements each database role ran in the herald database, from pg_stat_statements (the server
 * must be started with {@link BenchServer#countStatements()}): top-level statements only,
 * transaction control (BEGIN, COMMIT, ROLLBACK, SET, ...) left out, so a scheduler that wraps one
 * query in a transaction and one that runs it in autocommit count the same. The snapshots are read
 * as the superuser, so reading them counts for no role under test.
 */
public final class StatementCounter {

  private static final String TRANSACTION_CONTROL =
      "^\\s*(BEGIN|COMMIT|ROLLBACK|START"
          + " TRANSACTION|END|SET|RESET|SHOW|SAVEPOINT|RELEASE|DISCARD)\\y";

  private final BenchServer bench;

  public StatementCounter(BenchServer bench) {
    this.bench = bench;
  }

  /** Calls so far per statement of one role, keyed by statement text. */
  public record Snapshot(long nanoTime, Map<String, Long> calls) {

    public long total() {
      return calls.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Counting on (top-level statements) or off, for every session at its next statement: on only
   * around the snapshots of an idle window, so the measured windows carry no counting cost.
   */
  public void counting(boolean on) {
    bench.superuserSql(
        "ALTER SYSTEM SET pg_stat_statements.track = '" + (on ? "top" : "none") + "'");
    bench.superuserSql("SELECT pg_reload_conf()");
  }

  public Snapshot snapshot(String role) {
    Map<String, Long> calls = new HashMap<>();
    String query =
        "SELECT left(regexp_replace(s.query, '\\s+', ' ', 'g'), 90), sum(s.calls)"
            + " FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid"
            + " JOIN pg_database d ON d.oid = s.dbid"
            + " WHERE d.datname = current_database() AND r.rolname = '"
            + role.replace("'", "''")
            + "' AND s.toplevel"
            + " AND s.query !~* '"
            + TRANSACTION_CONTROL
            + "' GROUP BY 1";
    try (Connection c = bench.database.connectAsSuperuser();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        calls.merge(rs.getString(1), rs.getLong(2), Long::sum);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "pg_stat_statements unreadable (server not started with countStatements()?)", e);
    }
    return new Snapshot(System.nanoTime(), calls);
  }

  /**
   * The statements that took most PostgreSQL time since the last pg_stat_statements_reset(), as
   * report lines: total execution ms, calls, rows, execution and planning microseconds per unit of
   * work (per execution, per request).
   */
  public static List<String> slowest(BenchServer bench, long units, int limit) {
    return bench
        .rows(
            "SELECT round(total_exec_time)::text, calls::text, rows::text,"
                + " round((total_exec_time * 1000 / "
                + Math.max(1, units)
                + ")::numeric, 1)::text,"
                + " round((total_plan_time * 1000 / "
                + Math.max(1, units)
                + ")::numeric, 1)::text,"
                + " left(regexp_replace(query, '\\s+', ' ', 'g'), 70) FROM pg_stat_statements"
                + " ORDER BY total_exec_time + total_plan_time DESC LIMIT "
                + limit)
        .stream()
        .map(
            r ->
                String.format(
                    "    %7s ms %7s calls %8s rows  %6s us/unit (+ planning %s)  %s", (Object[]) r))
        .toList();
  }

  /** Statements per second of the role between two snapshots. */
  public static double perSecond(Snapshot from, Snapshot to) {
    return (to.total() - from.total()) / ((to.nanoTime() - from.nanoTime()) / 1e9);
  }

  /** The role's busiest statements between two snapshots, "calls/s statement", busiest first. */
  public static List<String> top(Snapshot from, Snapshot to, int limit) {
    double seconds = (to.nanoTime() - from.nanoTime()) / 1e9;
    return to.calls().entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - from.calls().getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(limit)
        .map(e -> String.format("%7.2f/s  %s", e.getValue() / seconds, e.getKey()))
        .toList();
  }
}

package dev.herald.bench.peer;

import dev.herald.bench.LatenessSamples;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small model of the design Herald replaced (the seeds' scheduler.py: {@code while running: await
 * asyncio.sleep(2)}, then every bot whose {@code next_run_at} has passed is run): one thread sleeps
 * 2 s, selects the due rows of {@code tick_bot}, "runs" each (records actual start - planned), then
 * sets their next due time to planned + the cycle delay (or, {@code afterEnd}, to now + the cycle
 * delay, see LatenessBench.AFTER_END). Its rows live in the same PostgreSQL as Herald's.
 */
final class TickBaseline implements AutoCloseable {

  static final String TABLE =
      """
      CREATE TABLE IF NOT EXISTS tick_bot (
        id BIGINT PRIMARY KEY,
        next_due TIMESTAMPTZ NOT NULL);
      CREATE INDEX IF NOT EXISTS tick_bot_due_idx ON tick_bot (next_due);
      """;

  private static final Logger LOG = Logger.getLogger(TickBaseline.class.getName());
  private static final Duration TICK = Duration.ofSeconds(2);

  private final String jdbcUrl;
  private final String user;
  private final Duration cycle;
  private final boolean afterEnd;
  private final LatenessSamples samples;
  private final Thread thread;
  private volatile boolean running = true;

  TickBaseline(
      String jdbcUrl, String user, Duration cycle, boolean afterEnd, LatenessSamples samples) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.cycle = cycle;
    this.afterEnd = afterEnd;
    this.samples = samples;
    this.thread = new Thread(this::loop, "tick-baseline");
  }

  TickBaseline start() {
    thread.start();
    return this;
  }

  private void loop() {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
        PreparedStatement due =
            c.prepareStatement("SELECT id, next_due FROM tick_bot WHERE next_due <= now()");
        PreparedStatement next =
            c.prepareStatement(
                "UPDATE tick_bot SET next_due = "
                    + (afterEnd ? "now()" : "next_due")
                    + " + make_interval(secs => ?) WHERE id = ANY(?)")) {
      while (running) {
        Thread.sleep(TICK.toMillis());
        List<Long> ran = new ArrayList<>();
        try (ResultSet rs = due.executeQuery()) {
          while (rs.next()) {
            samples.add(Instant.now(), rs.getTimestamp(2).toInstant()); // the run starts here
            ran.add(rs.getLong(1));
          }
        }
        if (!ran.isEmpty()) {
          next.setDouble(1, cycle.toMillis() / 1000.0);
          next.setArray(2, c.createArrayOf("bigint", ran.toArray()));
          next.executeUpdate();
        }
      }
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.log(Level.SEVERE, "tick baseline failed", e);
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.herald.persistence.engine;

import dev.herald.domain.engine.Census;
import dev.herald.domain.engine.CensusReads;
import dev.herald.domain.session.SessionState;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;

/** {@link CensusReads} in plain JDBC on the non-transactional pool: one statement. */
@ApplicationScoped
public class JdbcCensusReads extends JdbcStore implements CensusReads {

  /**
   * Sessions by state (a small table), then the running and the overdue bots by the partial index
   * bot_due_idx: overdue is due for longer than the allowance and leased by no node (a cycle in
   * flight, however long its delays between posts, is leased).
   */
  static final String COUNT =
      """
      SELECT 'session', state, count(*) FROM telegram_session GROUP BY state
      UNION ALL
      SELECT 'running', NULL, count(*) FROM bot WHERE status = 'RUNNING'
      UNION ALL
      SELECT 'overdue', NULL, count(*) FROM bot
       WHERE status = 'RUNNING' AND next_run_at < now() - make_interval(secs => ?)
         AND (lease_until IS NULL OR lease_until < now())
      """;

  public JdbcCensusReads() {}

  /** For tests and tools outside the container. */
  public JdbcCensusReads(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  public Census count(Duration overdueAfter) {
    return jdbc.withConnection(
        "count the census",
        c -> {
          Map<SessionState, Long> sessions = new EnumMap<>(SessionState.class);
          long[] bots = new long[2]; // running, overdue
          try (PreparedStatement s = c.prepareStatement(COUNT)) {
            s.setDouble(1, overdueAfter.toMillis() / 1000.0);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                switch (rs.getString(1)) {
                  case "session" ->
                      sessions.put(SessionState.valueOf(rs.getString(2)), rs.getLong(3));
                  case "running" -> bots[0] = rs.getLong(3);
                  default -> bots[1] = rs.getLong(3);
                }
              }
            }
          }
          return new Census(sessions, bots[0], bots[1]);
        });
  }
}

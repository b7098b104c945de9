package dev.herald.persistence.session;

import dev.herald.domain.session.SessionWarmup;
import dev.herald.domain.session.SessionWarmups;
import dev.herald.persistence.JpaStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Warm-up rows ({@code session_warmup}, V71) through the pool's persistence context, so a session
 * and its warm-up are written in one transaction. The counting itself is V71's trigger.
 */
@ApplicationScoped
public class JpaSessionWarmups extends JpaStore implements SessionWarmups {

  @Override
  public void start(long sessionId, Instant startedAt, SessionWarmup warmup) {
    em.createNativeQuery(
            "INSERT INTO session_warmup (session_id, started_at, budgets)"
                + " VALUES (?, ?, string_to_array(?, ',')::int[])")
        .setParameter(1, sessionId)
        .setParameter(2, Timestamp.from(startedAt))
        .setParameter(
            3, warmup.postsPerHour().stream().map(String::valueOf).collect(Collectors.joining(",")))
        .executeUpdate();
  }

  @Override
  public Map<Long, SessionWarmup.Use> of(Collection<Long> sessionIds) {
    if (sessionIds.isEmpty()) {
      return Map.of();
    }
    List<?> rows =
        em.createNativeQuery(
                "SELECT session_id, started_at, array_to_string(budgets, ','), hour, posts,"
                    + " paused_until FROM session_warmup WHERE session_id = ANY(string_to_array(?,"
                    + " ',')::bigint[])")
            .setParameter(
                1, sessionIds.stream().map(String::valueOf).collect(Collectors.joining(",")))
            .getResultList();
    return rows.stream()
        .map(row -> use((Object[]) row))
        .collect(Collectors.toMap(SessionWarmup.Use::sessionId, Function.identity()));
  }

  private static SessionWarmup.Use use(Object[] row) {
    return new SessionWarmup.Use(
        ((Number) row[0]).longValue(),
        instant(row[1]).orElseThrow(),
        Arrays.stream(((String) row[2]).split(",")).map(Integer::valueOf).toList(),
        instant(row[3]),
        ((Number) row[4]).intValue(),
        instant(row[5]));
  }

  /** PostgreSQL's timestamptz reaches JPA as a Timestamp or an OffsetDateTime by driver version. */
  private static Optional<Instant> instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return Optional.of(timestamp.toInstant());
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return Optional.of(offset.toInstant());
    }
    if (value instanceof Instant instant) {
      return Optional.of(instant);
    }
    return Optional.empty();
  }
}

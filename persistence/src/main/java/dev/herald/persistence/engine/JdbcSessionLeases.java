package dev.herald.persistence.engine;

import dev.herald.domain.engine.SessionLeases;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/** {@link SessionLeases} in plain JDBC on the non-transactional pool, one statement each. */
@ApplicationScoped
public class JdbcSessionLeases extends JdbcStore implements SessionLeases {

  public JdbcSessionLeases() {}

  /** For tests and tools outside the container. */
  public JdbcSessionLeases(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  public boolean acquire(long sessionId, String node, Duration lease) {
    return jdbc.update(
            "take the lease of session " + sessionId,
            SessionLeaseSql.ACQUIRE,
            sessionId,
            node,
            lease.toMillis() / 1000.0)
        == 1;
  }

  @Override
  public Set<Long> extend(String node, Duration lease, Collection<Long> sessionIds) {
    return jdbc.withConnection(
        "extend this node's session leases",
        c -> {
          try (var s = c.prepareStatement(SessionLeaseSql.EXTEND)) {
            s.setDouble(1, lease.toMillis() / 1000.0);
            s.setString(2, node);
            s.setArray(3, c.createArrayOf("bigint", sessionIds.toArray()));
            Set<Long> held = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                held.add(rs.getLong(1));
              }
            }
            return held;
          }
        });
  }

  @Override
  public void release(long sessionId, String node) {
    jdbc.update(
        "give back the lease of session " + sessionId, SessionLeaseSql.RELEASE, sessionId, node);
  }

  @Override
  public void releaseAll(String node) {
    jdbc.update("give back this node's session leases", SessionLeaseSql.RELEASE_ALL, node);
  }
}

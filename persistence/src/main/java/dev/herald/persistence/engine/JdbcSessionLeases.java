package dev.herald.persistence.engine;

import dev.herald.domain.engine.SessionLeases;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
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
  public void release(long sessionId, String node) {
    jdbc.update(
        "give back the lease of session " + sessionId, SessionLeaseSql.RELEASE, sessionId, node);
  }

  @Override
  public void releaseAll(String node) {
    jdbc.update("give back this node's session leases", SessionLeaseSql.RELEASE_ALL, node);
  }
}

package dev.herald.persistence.engine;

import dev.herald.domain.engine.Housekeeping;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** {@link Housekeeping} in plain JDBC on the non-transactional pool. */
@ApplicationScoped
public class JdbcHousekeeping extends JdbcStore implements Housekeeping {

  public JdbcHousekeeping() {}

  /** For tests and tools outside the container. */
  public JdbcHousekeeping(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  public int stopBotsWithoutPlan() {
    int stopped = jdbc.countRows("stop bots without plan", HousekeepingSql.STOP_BOTS_WITHOUT_PLAN);
    jdbc.update("settle abandoned STOPPING bots", HousekeepingSql.SETTLE_ABANDONED_STOPPING);
    return stopped;
  }

  @Override
  public int liftUnavailable() {
    return jdbc.update("lift unavailable sessions", HousekeepingSql.LIFT_UNAVAILABLE);
  }

  @Override
  public long deleteOlderThan(Instant cutoff, int batchSize) {
    long deleted = 0;
    for (String sql :
        List.of(HousekeepingSql.DELETE_OLD_DELIVERIES, HousekeepingSql.DELETE_OLD_ACTIVITY)) {
      int batch;
      do {
        batch = jdbc.update("delete old rows", sql, Timestamp.from(cutoff), batchSize);
        deleted += batch;
      } while (batch == batchSize);
    }
    jdbc.update(
        "delete stopped engines' flush numbers", HousekeepingSql.DELETE_STOPPED_FLUSH_WRITERS);
    return deleted;
  }

  @Override
  public long deleteOrphanMedia(Instant cutoff, int batchSize) {
    long deleted = 0;
    int batch;
    do {
      batch =
          jdbc.update(
              "delete orphan media",
              HousekeepingSql.DELETE_ORPHAN_MEDIA,
              Timestamp.from(cutoff),
              batchSize);
      deleted += batch;
    } while (batch == batchSize);
    return deleted;
  }
}

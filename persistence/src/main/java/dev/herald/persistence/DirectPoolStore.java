package dev.herald.persistence;

import jakarta.annotation.Resource;
import javax.sql.DataSource;

/**
 * A store on the non-transactional pool {@code jdbc/heraldDirect}: it commits each step itself (one
 * statement in autocommit, or a {@link LocalTransaction}), where JPA and JTA would add nothing but
 * latency.
 */
public abstract class DirectPoolStore {

  @Resource(lookup = "jdbc/heraldDirect")
  protected DataSource dataSource;

  /** For the container, which injects the pool. */
  protected DirectPoolStore() {}

  /** For tests and tools outside the container. */
  protected DirectPoolStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }
}

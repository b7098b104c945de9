package dev.herald.persistence.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import javax.sql.DataSource;

/**
 * What the engine's JDBC stores share: the non-transactional pool (the engine commits each step
 * itself; JPA and JTA would add nothing here but latency) and the {@link Jdbc} steps on it.
 */
public abstract class JdbcStore {

  @Resource(lookup = "jdbc/heraldDirect")
  DataSource dataSource;

  Jdbc jdbc;

  /** For the container, which injects the pool. */
  protected JdbcStore() {}

  /** For tests and tools outside the container. */
  protected JdbcStore(DataSource dataSource) {
    this.dataSource = dataSource;
    init();
  }

  @PostConstruct
  void init() {
    jdbc = new Jdbc(dataSource);
  }
}

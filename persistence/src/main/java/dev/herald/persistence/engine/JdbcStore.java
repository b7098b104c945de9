package dev.herald.persistence.engine;

import dev.herald.persistence.DirectPoolStore;
import jakarta.annotation.PostConstruct;
import javax.sql.DataSource;

/** What the engine's JDBC stores share: the {@link Jdbc} steps on the non-transactional pool. */
public abstract class JdbcStore extends DirectPoolStore {

  Jdbc jdbc;

  /** For the container, which injects the pool. */
  protected JdbcStore() {}

  /** For tests and tools outside the container. */
  protected JdbcStore(DataSource dataSource) {
    super(dataSource);
    init();
  }

  @PostConstruct
  void init() {
    jdbc = new Jdbc(dataSource);
  }
}

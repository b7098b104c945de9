package dev.herald.scheduler.startup;

import dev.herald.persistence.schema.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;

/**
 * Migrates the schema when the application starts. The EAR initialises its modules in order (this
 * EJB module first), so no request and no scheduler reaches the database before this has finished;
 * if the database cannot be migrated, the application does not start.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrationStartup {

  @Resource(lookup = "jdbc/heraldDirect")
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    SchemaMigrations.migrate(dataSource);
  }
}

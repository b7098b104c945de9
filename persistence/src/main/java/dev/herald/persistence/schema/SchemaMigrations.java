package dev.herald.persistence.schema;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies Herald's Flyway migrations ({@code classpath:db/migration}). Safe to run on every start
 * and from several nodes at once: Flyway takes a PostgreSQL advisory lock, and applied migrations
 * are not run again.
 */
public final class SchemaMigrations {

  /**
   * Liberty's class loaders cannot list a folder; Flyway finds it (and its default {@code
   * db/callback}) through the empty marker file {@code flyway.location} in each.
   */
  private static final String LOCATION = "classpath:db/migration";

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  private SchemaMigrations() {}

  public static MigrateResult migrate(DataSource dataSource) {
    MigrateResult result = flyway(dataSource).migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
    return result;
  }

  /** True when every known migration has been applied to the database. */
  public static boolean upToDate(DataSource dataSource) {
    MigrationInfo[] pending = flyway(dataSource).info().pending();
    return pending.length == 0;
  }

  private static Flyway flyway(DataSource dataSource) {
    return Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .validateMigrationNaming(true)
        .load();
  }
}

package dev.herald.persistence.schema;

import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
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

  /**
   * The longest pause between two attempts to reach a database that is not there yet: the pause
   * doubles from one second up to this, so a database that comes back is used within it.
   */
  static final int MAX_SECONDS_BETWEEN_ATTEMPTS = 10;

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  private SchemaMigrations() {}

  /**
   * Migrates, first waiting for the database as long as it takes ({@link DatabaseWait}): a node
   * started before its database would otherwise fail its start and stay down until someone restarts
   * it. A refusal that waiting cannot cure fails at once.
   */
  public static MigrateResult migrate(DataSource dataSource) {
    new DatabaseWait(dataSource, Duration.ofSeconds(MAX_SECONDS_BETWEEN_ATTEMPTS)).untilReachable();
    // Retries for a database that goes away again between the wait and the migration (a restart
    // just then): 1, 2, 4, 8 s, then every 10 s, about a minute and a half in all.
    MigrateResult result =
        configuration(dataSource)
            .connectRetries(12)
            .connectRetriesInterval(MAX_SECONDS_BETWEEN_ATTEMPTS)
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + (result.targetSchemaVersion != null
                    ? result.targetSchemaVersion
                    : result.initialSchemaVersion)
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
    return result;
  }

  /** True when every known migration has been applied to the database. */
  public static boolean upToDate(DataSource dataSource) {
    MigrationInfo[] pending = configuration(dataSource).load().info().pending();
    return pending.length == 0;
  }

  /** Herald's migrations on {@code dataSource}; package-private for the migration tests. */
  static FluentConfiguration configuration(DataSource dataSource) {
    return Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .validateMigrationNaming(true);
  }
}

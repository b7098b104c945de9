package dev.herald.api.health;

import dev.herald.persistence.schema.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when PostgreSQL answers within two seconds and every migration has been applied. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = "jdbc/heraldDirect")
  DataSource dataSource;

  /** Once applied, migrations stay applied; asking Flyway again on every probe is wasted work. */
  private volatile boolean migrationsApplied;

  @Override
  public HealthCheckResponse call() {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(TIMEOUT_SECONDS)) {
        return down("PostgreSQL did not answer within " + TIMEOUT_SECONDS + " s");
      }
      if (!migrationsApplied) {
        migrationsApplied = SchemaMigrations.upToDate(dataSource);
      }
      if (!migrationsApplied) {
        return down("schema migrations are pending");
      }
      return HealthCheckResponse.named("database").up().build();
    } catch (SQLException | RuntimeException e) {
      return down("PostgreSQL is not reachable (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static HealthCheckResponse down(String reason) {
    return HealthCheckResponse.named("database").down().withData("reason", reason).build();
  }
}

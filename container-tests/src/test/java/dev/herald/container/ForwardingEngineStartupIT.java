package dev.herald.container;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.engine.EngineStatus;
import dev.herald.persistence.schema.SchemaMigrations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code @Singleton @Startup} ForwardingEngine as the container starts it: only after
 * SchemaMigrationStartup migrated the schema ({@code @DependsOn}), with its node row and heartbeat
 * in the database, and its periodic ticks running on Liberty's managed executors (with the
 * application's context), not on threads of its own.
 */
@ExtendWith(ArquillianExtension.class)
class ForwardingEngineStartupIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return HeraldDeployment.with(ForwardingEngineStartupIT.class);
  }

  @Inject EngineStatus engine;

  private DataSource database;

  @BeforeEach
  void lookUp() throws NamingException {
    database = InitialContext.doLookup("jdbc/heraldDirect");
  }

  @Test
  void theEngineStartedAfterEveryMigrationWasApplied() throws SQLException {
    assertTrue(SchemaMigrations.upToDate(database), "every migration is applied");
    String node = nodeOfTheEngine();
    // now() is each transaction's start: the node's first heartbeat (written when the engine
    // starts) came after the last migration's transaction began (flyway's installed_on). An engine
    // started before the migration finds no tables, fails, and the application does not start.
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT n.started_at >= (SELECT max(installed_on) FROM flyway_schema_history"
                    + " WHERE success) FROM scheduler_node n WHERE n.node_id = ?")) {
      s.setString(1, node);
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next(), "the engine's node " + node + " has a scheduler_node row");
        assertTrue(r.getBoolean(1), "the engine started after the last migration");
      }
    }
  }

  @Test
  void theHeartbeatTicksWithoutAnyRequest() throws SQLException {
    String node = nodeOfTheEngine();
    Instant first = heartbeatAt(node);
    Instant inMemory = engine.lastHeartbeat().orElseThrow();
    Poll.until(
        "the heartbeat (every second) moves on",
        Duration.ofSeconds(10),
        () -> heartbeatAt(node).isAfter(first) && engine.lastHeartbeat().get().isAfter(inMemory));
  }

  /**
   * A tick caught in the act: some thread whose stack runs ForwardingEngine code below Liberty's
   * concurrency implementation (com.ibm.ws.concurrent). The claim tick queries the database every
   * 100 ms, so sampling finds one within a few seconds; a plain JDK executor would show only
   * java.util.concurrent frames below the engine's.
   */
  @Test
  void theTicksRunOnTheManagedExecutors() {
    String[] executorOfATick = new String[1];
    Poll.until(
        "a ForwardingEngine tick running on a Liberty managed executor thread",
        Duration.ofSeconds(20),
        () -> {
          for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
            if (runsEngineCode(t.getValue())) {
              executorOfATick[0] = executorFrame(t.getValue());
              return true;
            }
          }
          return false;
        });
    assertTrue(
        executorOfATick[0].startsWith("com.ibm.ws.concurrent."),
        "the tick runs under " + executorOfATick[0]);
  }

  private String nodeOfTheEngine() {
    return engine.nodeId().orElseThrow(() -> new AssertionError("the engine never beat"));
  }

  private static boolean runsEngineCode(StackTraceElement[] stack) {
    return Arrays.stream(stack)
        .anyMatch(f -> f.getClassName().startsWith("dev.herald.scheduler.engine.ForwardingEngine"));
  }

  /** The first frame below the engine's code that is not the JDK's own executor machinery. */
  private static String executorFrame(StackTraceElement[] stack) {
    int engine = 0;
    while (!stack[engine].getClassName().startsWith("dev.herald.scheduler.engine.")) {
      engine++;
    }
    for (int i = engine + 1; i < stack.length; i++) {
      String c = stack[i].getClassName();
      if (!c.startsWith("dev.herald.") && !c.startsWith("java.") && !c.startsWith("jdk.")) {
        return c;
      }
    }
    return "no frame but the JDK's (" + stack[stack.length - 1].getClassName() + ")";
  }

  private Instant heartbeatAt(String node) {
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT heartbeat_at FROM scheduler_node WHERE node_id = ?")) {
      s.setString(1, node);
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next(), "node " + node + " has a heartbeat row");
        return r.getTimestamp(1).toInstant();
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}

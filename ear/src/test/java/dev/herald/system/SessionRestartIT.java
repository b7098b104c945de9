package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.launcher.LibertyServer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's must-show for one node: a node with N logged-in sessions (tdlib transport on the model
 * library) restarts with its TDLib folder gone, as a new pod would: no session is banned or needs a
 * login, every session is reopened from the state in PostgreSQL, and posting resumes without a new
 * login.
 */
class SessionRestartIT extends ModelNodesSystemTest {

  static LibertyServer node;

  @BeforeAll
  static void start() {
    nodes = new ModelSessionNodes(system, "restart");
    node = nodes.started("herald-restart");
  }

  @Test
  void aRestartedNodeReopensEverySessionFromPostgresAndPostsWithoutANewLogin() {
    List<Long> sessions =
        nodes.postingAndStored(
            node, "the node", tokens, SESSIONS, "@restart_a", "@restart_b", "@restart_c");
    long before = node.pid();
    long logins = nodes.recorded("login");

    node.stop();
    nodes.wipeTdlibFolder("herald-restart"); // a new pod: only PostgreSQL knows the sessions
    node.start(ModelSessionNodes.START);
    long after = node.pid();
    // Alone after a restart the node stops every bot (SPEC rule 5); its tenant starts it again.
    nodes.startBot(node);

    nodes.awaitPosting("the restarted node", after, sessions);
    assertEquals(new HashSet<>(sessions), nodes.sessionsWith("open", after), "reopened, all");
    assertEquals(logins, nodes.recorded("login"), "no new login");
    assertEquals(0, nodes.notSending(), "0 banned, none needs a login or is parked");
    nodes.assertNeverTwoClientsOfOneSession(Map.of());
  }
}

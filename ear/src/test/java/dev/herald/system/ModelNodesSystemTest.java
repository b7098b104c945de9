package dev.herald.system;

import org.junit.jupiter.api.AfterAll;

/**
 * A system test on Herald nodes of its own whose sessions post through the model TDLib library
 * ({@link ModelSessionNodes}): a subclass's {@code @BeforeAll} makes {@link #nodes} and starts the
 * nodes; they are all stopped after the class.
 */
abstract class ModelNodesSystemTest extends TenantSystemTest {

  /** How many sessions a test logs in on the nodes. */
  static final int SESSIONS = 3;

  static ModelSessionNodes nodes;

  @AfterAll
  static void stopNodes() {
    if (nodes != null) {
      nodes.stopAll();
    }
  }
}

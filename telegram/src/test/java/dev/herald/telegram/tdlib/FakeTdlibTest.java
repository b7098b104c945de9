package dev.herald.telegram.tdlib;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test of {@link TdlibSessions} over a fresh {@link FakeTdJson} per test, in a temporary data
 * folder; the sessions a subclass {@linkplain #open opens} are closed after each test.
 */
abstract class FakeTdlibTest {

  @TempDir Path dataDir;
  final FakeTdJson td = new FakeTdJson();
  TdlibSessions sessions;

  /** The sessions under test, over {@link #td} in {@link #dataDir}. */
  abstract TdlibSessions open() throws Exception;

  @BeforeEach
  void openSessions() throws Exception {
    sessions = open();
  }

  @AfterEach
  void closeSessions() {
    sessions.close();
  }
}

package dev.herald.system;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the shared Liberty server and PostgreSQL when the test JVM's JUnit session ends. */
public class StopSystemUnderTest implements LauncherSessionListener {

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    SystemUnderTest.stopIfStarted();
  }
}

package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.telegram.tdlib.TdlibSessions.OwnApiPairs;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * One home for the set-up the {@link TdlibSessions} unit tests share: the test API pair and key
 * material, a loaded library around a fake binding, sessions over {@link FakeTdJson}, and the login
 * {@link FakeTdJson} walks through (phone, code {@code 12345}, password {@code secret}).
 */
final class FakeTdlibSessions {

  static final ApiPair API = new ApiPair(12345, "0123456789abcdef0123456789abcdef");
  static final byte[] KEY = "herald-test-key-material-32bytes".getBytes();
  static final String PHONE = "+447700900123";

  private FakeTdlibSessions() {}

  /** A loaded library around the fake binding (the constructor is private on purpose). */
  static TdlibLibrary library(TdJson binding) throws Exception {
    return library(binding, TdlibStatus.up("fake", "1.8.67"));
  }

  /** A library with the given status: {@code null} binding and a down status is a missing one. */
  static TdlibLibrary library(TdJson binding, TdlibStatus status) throws Exception {
    Constructor<TdlibLibrary> constructor =
        TdlibLibrary.class.getDeclaredConstructor(TdJson.class, TdlibStatus.class);
    constructor.setAccessible(true);
    return constructor.newInstance(binding, status);
  }

  /** Sessions over {@code td} in {@code dataDir} with no API pairs or state store of their own. */
  static TdlibSessions over(FakeTdJson td, Path dataDir, Duration timeout) throws Exception {
    return new TdlibSessions(
        library(td), TestTdlibConfig.of(dataDir, timeout), KEY, Thread::new, Clock.systemUTC());
  }

  /**
   * Sessions over {@code td} in {@code dataDir} opened with the API pairs {@code ownApiPairs}
   * gives.
   */
  static TdlibSessions over(FakeTdJson td, Path dataDir, Duration timeout, OwnApiPairs ownApiPairs)
      throws Exception {
    return over(td, dataDir, timeout).withOwnApiPairs(ownApiPairs);
  }

  /** Logs {@code sessionId} in, checking each step's answer on the way. */
  static void logIn(TdlibSessions sessions, long sessionId) {
    assertEquals(LoginStep.Kind.CODE_REQUIRED, sessions.startLogin(sessionId, PHONE, API).kind());
    assertEquals(LoginStep.Kind.PASSWORD_REQUIRED, sessions.submitCode(sessionId, "12345").kind());
    assertEquals(LoginStep.ready(), sessions.submitPassword(sessionId, "secret"));
  }
}

package dev.herald.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RepeatedFailureLogTest {

  private final Logger logger = Logger.getLogger("test.repeated." + System.nanoTime());
  private final List<String> lines = new ArrayList<>();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T03:00:00Z"));
  private final RepeatedFailureLog log =
      new RepeatedFailureLog(logger, "Claiming due cycles", clock, Duration.ofMinutes(1));

  @BeforeEach
  void capture() {
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    logger.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            lines.add(r.getLevel() + " " + MessageFormat.format(r.getMessage(), r.getParameters()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
  }

  @AfterEach
  void release() {
    for (Handler h : logger.getHandlers()) {
      logger.removeHandler(h);
    }
  }

  @Test
  void anOutageOfTwoMinutesAtTenFailuresASecondIsThreeWarningsAndOneRecovery() {
    for (int i = 0; i <= 1200; i++) {
      log.failed("Connection refused");
      clock.advance(Duration.ofMillis(100));
    }
    log.succeeded();
    log.succeeded();

    List<String> warnings = lines.stream().filter(l -> l.startsWith("WARNING")).toList();
    assertEquals(
        List.of(
            "WARNING Claiming due cycles failed: Connection refused (repeats are counted, logged"
                + " once a minute, until it works again)",
            "WARNING Claiming due cycles still fails: 601 times since 2026-12-01T03:00:00Z, 600"
                + " in the last 60 s; the last: Connection refused",
            "WARNING Claiming due cycles still fails: 1201 times since 2026-12-01T03:00:00Z, 600"
                + " in the last 60 s; the last: Connection refused"),
        warnings);
    List<String> info = lines.stream().filter(l -> l.startsWith("INFO")).toList();
    assertEquals(
        List.of("INFO Claiming due cycles works again after 1201 failures over 120 s"), info);
    assertEquals(1198, lines.stream().filter(l -> l.startsWith("FINE")).count());
  }

  @Test
  void aNewOutageAfterARecoveryIsWarnedAgain() {
    log.failed("first");
    log.succeeded();
    log.failed("second");

    assertEquals(
        List.of(
            "WARNING Claiming due cycles failed: first (repeats are counted, logged once a minute,"
                + " until it works again)",
            "INFO Claiming due cycles works again after 1 failures over 0 s",
            "WARNING Claiming due cycles failed: second (repeats are counted, logged once a"
                + " minute, until it works again)"),
        lines);
  }

  @Test
  void withoutSuccessCallsAFailureAfterAQuietMinuteStartsANewEpisode() {
    log.failed("one request refused");
    clock.advance(Duration.ofMinutes(5));
    log.failed("another, much later");

    assertEquals(2, lines.size(), lines::toString);
    assertEquals(
        "WARNING Claiming due cycles failed: another, much later (repeats are counted, logged"
            + " once a minute, until it works again)",
        lines.get(1));
  }

  @Test
  void successWithoutFailureLogsNothing() {
    log.succeeded();
    assertEquals(List.of(), lines);
  }
}

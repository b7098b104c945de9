package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.shared.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How long a client has been without Telegram, from TDLib's connection states. */
class TdlibConnectionTest {

  private static final Duration LIMIT = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final TdlibConnection connection = new TdlibConnection(7, clock);

  @Test
  void aClientThatHasReportedNothingYetIsNotOffline() {
    clock.advance(Duration.ofHours(1));
    assertEquals(Optional.empty(), connection.offline(LIMIT));
  }

  @Test
  void aShortCutIsNotOfflineAndALongOneIsWithItsStateAndDuration() {
    connection.update(TdlibConnection.READY);
    connection.update("connectionStateConnecting");
    clock.advance(Duration.ofSeconds(29));
    assertEquals(Optional.empty(), connection.offline(LIMIT));

    clock.advance(Duration.ofSeconds(2));
    String why = connection.offline(LIMIT).orElseThrow();
    assertTrue(why.startsWith("TDLib has not reached Telegram for 31 s"), why);
    assertTrue(why.contains("connectionStateConnecting"), why);
  }

  @Test
  void movingBetweenNotConnectedStatesKeepsCountingFromTheLastConnection() {
    connection.update(TdlibConnection.READY);
    for (int i = 0; i < 8; i++) {
      connection.update(
          i % 2 == 0 ? "connectionStateConnectingToProxy" : "connectionStateConnecting");
      clock.advance(Duration.ofSeconds(5));
    }
    String why = connection.offline(LIMIT).orElseThrow();
    assertTrue(why.startsWith("TDLib has not reached Telegram for 40 s"), why);
  }

  @Test
  void connectingAgainStartsAFreshCount() {
    connection.update("connectionStateWaitingForNetwork");
    clock.advance(Duration.ofMinutes(2));
    connection.update(TdlibConnection.UPDATING);
    assertEquals(Optional.empty(), connection.offline(LIMIT));

    connection.update("connectionStateConnecting");
    clock.advance(Duration.ofSeconds(10));
    assertEquals(Optional.empty(), connection.offline(LIMIT));
  }
}

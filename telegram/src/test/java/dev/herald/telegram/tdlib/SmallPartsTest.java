package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.shared.MutableClock;
import dev.herald.domain.shared.Phones;
import dev.herald.domain.telegram.SendOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

  @Test
  void sessionKeysAreDerivedPerSessionAnd32Bytes() {
    byte[] material = "0123456789abcdef0123456789abcdef".getBytes();
    String one = TdlibKeys.derive(material, 1);
    assertEquals(one, TdlibKeys.derive(material, 1));
    assertNotEquals(one, TdlibKeys.derive(material, 2));
    assertEquals(32, Base64.getDecoder().decode(one).length);
  }

  @Test
  void phonesAreMasked() {
    assertEquals("+44********23", Phones.mask("+447700900123"));
    assertFalse(Phones.mask("+447700900123").contains("7700900"));
  }

  @Test
  void apiHashStaysOutOfToString() {
    assertFalse(new ApiPair(12345, "0123456789abcdef").toString().contains("0123456789abcdef"));
  }

  @Test
  void pendingSendAnsweredBeforeOrAfterRegistration() throws Exception {
    PendingSends sends = new PendingSends();
    CompletableFuture<SendOutcome> waiting = sends.expect(-100, 1);
    sends.complete(-100, 1, new SendOutcome.Delivered(9));
    assertEquals(new SendOutcome.Delivered(9), waiting.get());

    sends.complete(-100, 2, new SendOutcome.Delivered(10)); // The update won the race.
    assertEquals(new SendOutcome.Delivered(10), sends.expect(-100, 2).get());
    assertEquals(0, sends.size());
  }

  @Test
  void breakerOpensAfterConsecutiveTransientFailuresAndHalfOpensLater() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    SessionBreaker breaker = new SessionBreaker(3, Duration.ofSeconds(60), clock);
    SendOutcome transientError = new SendOutcome.TransientError("timeout");
    breaker.record(transientError);
    breaker.record(transientError);
    breaker.record(new SendOutcome.FloodWait(Duration.ofSeconds(5))); // A verdict: the link works.
    breaker.record(transientError);
    breaker.record(transientError);
    assertTrue(breaker.allows());
    breaker.record(transientError);
    assertFalse(breaker.allows());
    clock.advance(Duration.ofSeconds(61));
    assertTrue(breaker.allows());
    breaker.record(transientError);
    assertFalse(breaker.allows());
  }

  /**
   * TDLib refuses a too long post itself, before any I/O: that says nothing about the session's
   * link, so a bot whose post is too long never pauses its session.
   */
  @Test
  void aRefusedPostNeverOpensTheBreaker() {
    SessionBreaker breaker =
        new SessionBreaker(
            3, Duration.ofSeconds(60), new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
    for (int i = 0; i < 10; i++) {
      breaker.record(TdlibErrorMapper.map(400, "Message is too long"));
    }
    assertTrue(breaker.allows());
  }

  @Test
  void missingLibraryIsReportedNotThrown() {
    TdlibStatus unset = TdlibLibrary.load(Optional.empty(), 1).status();
    assertFalse(unset.available());
    assertTrue(unset.unavailableReason().orElseThrow().contains("herald.tdlib.library-path"));
    TdlibStatus missing = TdlibLibrary.load(Optional.of("/nowhere/libtdjson.so"), 1).status();
    assertTrue(missing.unavailableReason().orElseThrow().contains("/nowhere/libtdjson.so"));
  }

  @Test
  void brokenLibraryIsReportedNotThrown() throws Exception {
    Path notALibrary = Files.createTempFile("libtdjson", ".so");
    try {
      TdlibStatus broken = TdlibLibrary.load(Optional.of(notALibrary.toString()), 1).status();
      assertTrue(broken.unavailableReason().orElseThrow().contains("could not be loaded"));
    } finally {
      Files.delete(notALibrary);
    }
  }
}

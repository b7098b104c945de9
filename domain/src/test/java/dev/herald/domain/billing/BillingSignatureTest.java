package dev.herald.domain.billing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.domain.shared.UnauthenticatedException;
import dev.herald.domain.shared.crypto.HmacSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BillingSignatureTest {

  private static final byte[] SECRET = "shared-secret".getBytes(StandardCharsets.UTF_8);
  private static final BillingPolicy POLICY = new BillingPolicy(SECRET, Duration.ofSeconds(300));
  private static final byte[] BODY = "{\"event_id\":\"e1\"}".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

  private static String header(String ts, byte[] body) {
    return "sha256=" + BillingSignature.sign(SECRET, ts, body);
  }

  @Test
  void matchesAKnownHmacSha256Vector() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    String hex =
        HmacSignatures.sha256Hex(
            "Jefe".getBytes(StandardCharsets.US_ASCII),
            "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", hex);
  }

  @Test
  void validSignatureWithinTheWindowPasses() {
    String ts = Long.toString(NOW.getEpochSecond() - 100);
    assertDoesNotThrow(() -> BillingSignature.verify(POLICY, ts, header(ts, BODY), BODY, NOW));
  }

  @Test
  void badSignatureIsRefused() {
    String ts = Long.toString(NOW.getEpochSecond());
    String forged = header(ts, "{\"event_id\":\"e2\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals("billing-signature-invalid", refusal(ts, forged).type().slug());
    assertEquals("billing-signature-invalid", refusal(ts, null).type().slug());
    assertEquals(
        "billing-signature-invalid",
        refusal(ts, BillingSignature.sign(SECRET, ts, BODY)).type().slug());
    assertEquals(
        "billing-signature-invalid", refusal("not-a-number", header(ts, BODY)).type().slug());
  }

  @Test
  void signatureOverAnotherTimestampIsRefused() {
    String ts = Long.toString(NOW.getEpochSecond());
    String other = Long.toString(NOW.getEpochSecond() - 1);
    assertEquals("billing-signature-invalid", refusal(ts, header(other, BODY)).type().slug());
  }

  @Test
  void staleOrFutureTimestampIsRefused() {
    String old = Long.toString(NOW.getEpochSecond() - 301);
    String future = Long.toString(NOW.getEpochSecond() + 301);
    assertEquals("billing-timestamp-stale", refusal(old, header(old, BODY)).type().slug());
    assertEquals("billing-timestamp-stale", refusal(future, header(future, BODY)).type().slug());
  }

  @Test
  void uppercaseHexIsAccepted() {
    String ts = Long.toString(NOW.getEpochSecond());
    String upper = "sha256=" + BillingSignature.sign(SECRET, ts, BODY).toUpperCase();
    assertDoesNotThrow(() -> BillingSignature.verify(POLICY, ts, upper, BODY, NOW));
  }

  private static UnauthenticatedException refusal(String ts, String signature) {
    return assertThrows(
        UnauthenticatedException.class,
        () -> BillingSignature.verify(POLICY, ts, signature, BODY, NOW));
  }
}

package dev.herald.domain.billing;

import dev.herald.domain.shared.ProblemType;
import dev.herald.domain.shared.UnauthenticatedException;
import dev.herald.domain.shared.crypto.HmacSignatures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Checks a webhook delivery: {@code X-Herald-Signature: sha256=<hex>} is HMAC-SHA256 over {@code
 * <X-Herald-Timestamp> + "." + <raw body>} with the shared secret, compared in constant time, and
 * the timestamp (epoch seconds) is within the replay window of now, either side.
 */
public final class BillingSignature {

  static final String PREFIX = "sha256=";

  private BillingSignature() {}

  public static void verify(
      BillingPolicy policy, String timestamp, String signature, byte[] body, Instant now) {
    long seconds;
    try {
      seconds = Long.parseLong(timestamp == null ? "" : timestamp.strip());
    } catch (NumberFormatException e) {
      throw invalid();
    }
    String presented =
        signature != null && signature.strip().startsWith(PREFIX)
            ? signature.strip().substring(PREFIX.length())
            : null;
    if (!HmacSignatures.matches(sign(policy.secret(), timestamp.strip(), body), presented)) {
      throw invalid();
    }
    if (Math.abs(now.getEpochSecond() - seconds) > policy.replayWindow().toSeconds()) {
      throw new UnauthenticatedException(
          ProblemType.BILLING_TIMESTAMP_STALE,
          "X-Herald-Timestamp is outside the replay window of "
              + policy.replayWindow().toSeconds()
              + " s; send the event again with a fresh timestamp.");
    }
  }

  /** The hex signature of a delivery; what a sender puts after {@code sha256=}. */
  public static String sign(byte[] secret, String timestamp, byte[] body) {
    ByteArrayOutputStream message = new ByteArrayOutputStream(body.length + 16);
    message.writeBytes((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
    message.writeBytes(body);
    return HmacSignatures.sha256Hex(secret, message.toByteArray());
  }

  private static UnauthenticatedException invalid() {
    return new UnauthenticatedException(
        ProblemType.BILLING_SIGNATURE_INVALID,
        "X-Herald-Signature must be sha256=<hex HMAC-SHA256 of timestamp + \".\" + body> and"
            + " X-Herald-Timestamp the epoch seconds it was signed at.");
  }
}

package dev.herald.domain.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 as lowercase hex, and a constant-time comparison of a presented signature. */
public final class HmacSignatures {

  private HmacSignatures() {}

  public static String sha256Hex(byte[] secret, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** Compares in time independent of where the strings differ (lowercased hex expected). */
  public static boolean matches(String expectedHex, String presentedHex) {
    if (presentedHex == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expectedHex.getBytes(StandardCharsets.US_ASCII),
        presentedHex
            .strip()
            .toLowerCase(java.util.Locale.ROOT)
            .getBytes(StandardCharsets.US_ASCII));
  }

  /** SHA-256 of a string as lowercase hex. */
  public static String sha256Hex(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}

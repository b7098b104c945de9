package dev.herald.telegram.tdlib;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Each session's database key is HMAC-SHA256(key material, "tdlib:" + session id): one secret to
 * keep, and a leaked session folder plus its key opens no other session.
 */
final class TdlibKeys {

  private TdlibKeys() {}

  /** The key as TDLib's JSON wants {@code bytes}: base64. */
  static String derive(byte[] keyMaterial, long sessionId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keyMaterial, "HmacSHA256"));
      byte[] key = mac.doFinal(("tdlib:" + sessionId).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(key);
    } catch (GeneralSecurityException missingJce) {
      throw new IllegalStateException("HmacSHA256 unavailable", missingJce);
    }
  }
}

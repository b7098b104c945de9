package dev.herald.domain.access;

import dev.herald.domain.shared.crypto.HmacSignatures;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Generating and hashing codes. A code is 20 random bytes (160 bits) in Crockford-style base32,
 * grouped for reading: {@code HRLD-XXXX-XXXX-...}. With that much entropy a fast, unsalted SHA-256
 * is enough to store it: unlike a password there is nothing to guess from a dictionary, and
 * brute-forcing 2^160 candidates is out of reach whatever the hash speed. (A slow hash would also
 * make lookup by hash impossible.) Online guessing is bounded by the per-client rate limit.
 */
public final class AccessCodes {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private AccessCodes() {}

  public static String generate() {
    byte[] bytes = new byte[20];
    RANDOM.nextBytes(bytes);
    StringBuilder code = new StringBuilder("HRLD");
    int buffer = 0;
    int bits = 0;
    int written = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        if (written % 4 == 0) {
          code.append('-');
        }
        code.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
        written++;
      }
    }
    return code.toString();
  }

  /** The stored form: SHA-256 of the code as typed, ignoring case, blanks and dashes. */
  public static String hash(String code) {
    String canonical = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    return HmacSignatures.sha256Hex(canonical);
  }
}

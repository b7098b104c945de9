package dev.herald.telegram.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A 64-bit digest of a message text, so rules and counters can tell identical texts apart without
 * keeping every text (up to 4096 characters) in memory.
 */
final class TextDigest {

  /**
   * One SHA-256 instance per thread: looking one up through the security providers costs more than
   * hashing a short text, and every send digests its text.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(TextDigest::sha256);

  private TextDigest() {}

  static long of(String text) {
    byte[] hash = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
    long first = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      first = (first << 8) | (hash[i] & 0xFF);
    }
    return first;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
    }
  }
}

package dev.herald.domain.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets (and binary snapshots) with AES-256-GCM. A ciphertext reads {@code
 * v1:<kid>:<base64(nonce | ciphertext | tag)>}: a fresh random 12-byte nonce each time, and the id
 * of the key that encrypted it, so keys can be rotated (new data under the current key, old data
 * still readable while its key is in the ring). The key id is derived from the key itself (first 8
 * hex digits of its SHA-256), so nothing has to be configured beside the key file.
 *
 * <p>Decryption fails closed: a tampered, truncated or foreign ciphertext throws {@link
 * DecryptionException}, never returns garbage.
 */
public final class DataCipher {

  static final String VERSION = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String currentKid;
  private final Map<String, SecretKey> keys;

  private DataCipher(String currentKid, Map<String, SecretKey> keys) {
    this.currentKid = currentKid;
    this.keys = Map.copyOf(keys);
  }

  /**
   * A cipher that encrypts with {@code current} and also decrypts with the {@code previous} keys.
   */
  public static DataCipher of(byte[] current, byte[]... previous) {
    Map<String, SecretKey> ring = new LinkedHashMap<>();
    String kid = add(ring, current);
    for (byte[] old : previous) {
      add(ring, old);
    }
    return new DataCipher(kid, ring);
  }

  private static String add(Map<String, SecretKey> ring, byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != 32) {
      throw new IllegalArgumentException("An AES-256 key has 32 bytes, got " + key.length);
    }
    String kid = keyId(key);
    ring.put(kid, new SecretKeySpec(key.clone(), "AES"));
    return kid;
  }

  static String keyId(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  public String currentKeyId() {
    return currentKid;
  }

  public String encrypt(String plaintext) {
    return encryptBytes(plaintext.getBytes(StandardCharsets.UTF_8));
  }

  public String decrypt(String ciphertext) {
    return new String(decryptBytes(ciphertext), StandardCharsets.UTF_8);
  }

  /**
   * Seals bytes in the same {@code v1:<kid>:<base64>} form as {@link #encrypt(String)}, for binary
   * data such as a TDLib session snapshot; the key id keeps it readable after rotation.
   */
  public String encryptBytes(byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKid), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(currentKid));
      byte[] sealed = cipher.doFinal(plaintext);
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return VERSION + ":" + currentKid + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /** The bytes {@link #encryptBytes} sealed; fails closed like {@link #decrypt(String)}. */
  public byte[] decryptBytes(String ciphertext) {
    String[] parts = ciphertext == null ? new String[0] : ciphertext.split(":", 3);
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      throw new DecryptionException("not a " + VERSION + " ciphertext");
    }
    SecretKey key = keys.get(parts[1]);
    if (key == null) {
      throw new DecryptionException("encrypted with key " + parts[1] + ", which is not configured");
    }
    try {
      byte[] raw = Base64.getDecoder().decode(parts[2]);
      if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
        throw new DecryptionException("ciphertext is truncated");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
      cipher.updateAAD(aad(parts[1]));
      return cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new DecryptionException(
          "ciphertext was altered or is not ours (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The version and key id are authenticated too, so they cannot be swapped without detection. */
  private static byte[] aad(String kid) {
    return (VERSION + ":" + kid).getBytes(StandardCharsets.US_ASCII);
  }
}

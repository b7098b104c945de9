package dev.herald.domain.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets at rest, as {@code v1:<key id>:<base64(nonce | ciphertext | tag)>}.
 * A random 96-bit nonce per encryption makes equal plaintexts encrypt differently; the key id
 * (the first 8 hex digits of the key's SHA-256) tells which key sealed a value, so keys can be
 * rotated; a changed byte fails the GCM tag check and decryption fails closed. The key comes from
 * the profile's key material ({@code DataCipherProducer} in persistence).
 */
public class DataCipher {

  private static final String VERSION = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretKey key;
  private String keyId;

  /** For CDI's proxy only. */
  protected DataCipher() {}

  /** A cipher over a raw 32-byte key. */
  public static DataCipher withKey(byte[] rawKey) {
    DataCipher cipher = new DataCipher();
    cipher.useKey(rawKey);
    return cipher;
  }

  private void useKey(byte[] rawKey) {
    if (rawKey.length != 32) {
      throw new IllegalArgumentException("An AES-256 key has 32 bytes, got " + rawKey.length);
    }
    key = new SecretKeySpec(rawKey, "AES");
    try {
      keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawKey), 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String keyId() {
    return keyId;
  }

  public String encrypt(String plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return VERSION + ":" + keyId + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  /**
   * @throws DecryptionException when the value was sealed with another key, is malformed, or was
   *     changed: never returns a wrong plaintext
   */
  public String decrypt(String sealed) {
    String[] parts = sealed.split(":", 3);
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      throw new DecryptionException("not a Herald ciphertext");
    }
    if (!keyId.equals(parts[1])) {
      throw new DecryptionException("sealed with key " + parts[1] + ", the current key is " + keyId);
    }
    try {
      byte[] raw = Base64.getDecoder().decode(parts[2]);
      if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
        throw new DecryptionException("ciphertext too short");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
      byte[] plain = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new DecryptionException("ciphertext is not base64");
    } catch (GeneralSecurityException e) {
      throw new DecryptionException("integrity check failed (wrong key or changed data)");
    }
  }
}

package dev.herald.domain.shared.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DataCipherTest {

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  private final DataCipher cipher = DataCipher.of(key());

  @Test
  void roundTripsAndCarriesVersionAndKeyId() {
    String sealed = cipher.encrypt("123456:secret-token");
    assertTrue(sealed.startsWith("v1:" + cipher.currentKeyId() + ":"), sealed);
    assertFalse(sealed.contains("secret-token"));
    assertEquals("123456:secret-token", cipher.decrypt(sealed));
  }

  @Test
  void bytesRoundTripAndFailClosedWhenAltered() {
    byte[] snapshot = new byte[4096];
    new SecureRandom().nextBytes(snapshot);
    String sealed = cipher.encryptBytes(snapshot);
    assertTrue(sealed.startsWith("v1:" + cipher.currentKeyId() + ":"), sealed);
    assertArrayEquals(snapshot, cipher.decryptBytes(sealed));
    byte[] raw = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
    raw[raw.length - 1] ^= 1;
    String tampered =
        sealed.substring(0, sealed.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(raw);
    assertThrows(DecryptionException.class, () -> cipher.decryptBytes(tampered));
    assertThrows(DecryptionException.class, () -> DataCipher.of(key()).decryptBytes(sealed));
  }

  @Test
  void samePlaintextTwiceGivesDifferentCiphertexts() {
    assertNotEquals(cipher.encrypt("same"), cipher.encrypt("same"));
  }

  @Test
  void tamperedCiphertextFailsClosed() {
    String sealed = cipher.encrypt("123456:secret-token");
    String body = sealed.substring(sealed.lastIndexOf(':') + 1);
    byte[] raw = Base64.getDecoder().decode(body);
    raw[raw.length - 20] ^= 1;
    String tampered =
        sealed.substring(0, sealed.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(raw);
    DecryptionException e = assertThrows(DecryptionException.class, () -> cipher.decrypt(tampered));
    assertTrue(e.getMessage().contains("altered"), e.getMessage());
  }

  @Test
  void truncatedGarbageAndForeignCiphertextsFailClosed() {
    assertThrows(
        DecryptionException.class, () -> cipher.decrypt("v1:" + cipher.currentKeyId() + ":AAAA"));
    assertThrows(DecryptionException.class, () -> cipher.decrypt("plain text"));
    assertThrows(DecryptionException.class, () -> cipher.decrypt(null));
    String foreign = DataCipher.of(key()).encrypt("x");
    assertThrows(DecryptionException.class, () -> cipher.decrypt(foreign));
  }

  @Test
  void swappingTheKeyIdIsDetected() {
    byte[] a = key();
    byte[] b = key();
    DataCipher ring = DataCipher.of(a, b);
    String sealed = ring.encrypt("x");
    String otherKid = DataCipher.keyId(b);
    String swapped = "v1:" + otherKid + sealed.substring(sealed.lastIndexOf(':'));
    assertThrows(DecryptionException.class, () -> ring.decrypt(swapped));
  }

  @Test
  void rotationKeepsOldCiphertextsReadable() {
    byte[] old = key();
    String sealedWithOld = DataCipher.of(old).encrypt("old secret");
    DataCipher rotated = DataCipher.of(key(), old);
    assertEquals("old secret", rotated.decrypt(sealedWithOld));
    assertNotEquals(DataCipher.keyId(old), rotated.currentKeyId());
  }

  @Test
  void keyMustBe32Bytes() {
    assertThrows(IllegalArgumentException.class, () -> DataCipher.of(new byte[16]));
  }
}

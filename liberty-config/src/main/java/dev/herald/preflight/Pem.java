package dev.herald.preflight;

import java.util.Base64;

/** PEM text for DER-encoded keys (PKCS#8 private keys, X.509 public keys). */
final class Pem {

  private Pem() {}

  static String encode(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  static boolean looksLike(String label, String text) {
    return text.contains("-----BEGIN " + label + "-----")
        && text.contains("-----END " + label + "-----");
  }
}

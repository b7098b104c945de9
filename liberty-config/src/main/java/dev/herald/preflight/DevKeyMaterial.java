package dev.herald.preflight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The dev profile's keys: generated once into {@code <data dir>/keys} and reused after, so tokens
 * and encrypted data survive a restart. Generation is announced loudly: these keys sit on disk in
 * plain text and are for development only.
 */
final class DevKeyMaterial {

  private static final SecureRandom RANDOM = new SecureRandom();

  private DevKeyMaterial() {}

  static KeyLocations ensure(Path dataDir) throws PreflightException {
    Path keys = dataDir.resolve("keys");
    Path privateKey = keys.resolve("jwt-private.pem");
    Path publicKey = keys.resolve("jwt-public.pem");
    Path dataKey = keys.resolve("data.key");
    Path adminPassword = keys.resolve("admin-password");
    List<String> generated = new ArrayList<>();
    try {
      Files.createDirectories(keys);
      if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
        KeyPair pair = rsaKeyPair();
        write(privateKey, Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
        write(publicKey, Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()));
        generated.add("JWT signing key pair (RS256): " + privateKey + ", " + publicKey);
      }
      if (!Files.exists(dataKey)) {
        write(dataKey, Base64.getEncoder().encodeToString(randomBytes(32)) + "\n");
        generated.add("data-encryption key (AES-256): " + dataKey);
      }
      if (!Files.exists(adminPassword)) {
        write(
            adminPassword,
            Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18)) + "\n");
        generated.add("bootstrap admin password: " + adminPassword);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new PreflightException(
          "the dev profile could not write its keys into "
              + keys
              + ": "
              + e.getMessage()
              + ". Set HERALD_DATA_DIR to a writable folder.");
    }
    if (!generated.isEmpty()) {
      announce(generated);
    }
    return new KeyLocations(privateKey, publicKey, dataKey, Optional.of(adminPassword));
  }

  private static void announce(List<String> generated) {
    String rule = "*".repeat(78);
    System.out.println(rule);
    System.out.println(
        "* HERALD DEV PROFILE: generated new key material (development only, never for"
            + " production):");
    generated.forEach(line -> System.out.println("*   " + line));
    System.out.println(
        "* They are kept and reused; delete them only together with the dev database.");
    System.out.println(rule);
  }

  private static KeyPair rsaKeyPair() throws PreflightException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new PreflightException("this JVM cannot generate RSA keys: " + e.getMessage());
    }
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Best effort on file systems without POSIX permissions.
    }
  }
}

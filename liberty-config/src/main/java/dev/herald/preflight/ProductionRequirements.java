package dev.herald.preflight;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * What the prod profile needs from the environment before it may start: the database location and
 * password, and the three key files. Nothing has a default; each failure names the variable and
 * says how to create its value.
 */
final class ProductionRequirements {

  private ProductionRequirements() {}

  static KeyLocations check(Map<String, String> env) throws PreflightException {
    require(env, "DB_HOST", "the PostgreSQL host name, e.g. DB_HOST=postgres.internal");
    require(env, "DB_PASSWORD", "the PostgreSQL password of DB_USER (mount it from a secret)");
    Path privateKey =
        pemFile(
            env,
            "HERALD_JWT_PRIVATE_KEY_FILE",
            "PRIVATE KEY",
            "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out jwt-private.pem");
    Path publicKey =
        pemFile(
            env,
            "HERALD_JWT_PUBLIC_KEY_FILE",
            "PUBLIC KEY",
            "openssl pkey -in jwt-private.pem -pubout -out jwt-public.pem");
    Path dataKey = dataKeyFile(env);
    return new KeyLocations(privateKey, publicKey, dataKey, Optional.empty());
  }

  private static String require(Map<String, String> env, String name, String what)
      throws PreflightException {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new PreflightException(name + " is not set (profile prod). Set it to " + what + ".");
    }
    return value;
  }

  private static Path pemFile(Map<String, String> env, String name, String label, String howTo)
      throws PreflightException {
    Path file = Path.of(require(env, name, "the path of a PEM file; create one with: " + howTo));
    String text = read(name, file, howTo);
    if (!Pem.looksLike(label, text)) {
      throw new PreflightException(
          name + "=" + file + " is not a PEM \"" + label + "\" file. Create one with: " + howTo);
    }
    return file;
  }

  private static Path dataKeyFile(Map<String, String> env) throws PreflightException {
    String howTo = "openssl rand -base64 32 > data.key";
    String name = "HERALD_DATA_KEY_FILE";
    Path file =
        Path.of(
            require(
                env,
                name,
                "the path of a file holding a base64 AES-256 key; create one with: " + howTo));
    try {
      byte[] key = Base64.getDecoder().decode(read(name, file, howTo).strip());
      if (key.length != 32) {
        throw new PreflightException(
            name
                + "="
                + file
                + " holds "
                + key.length
                + " bytes; an AES-256 key has 32. Create one with: "
                + howTo);
      }
    } catch (IllegalArgumentException notBase64) {
      throw new PreflightException(name + "=" + file + " is not base64. Create one with: " + howTo);
    }
    return file;
  }

  private static String read(String name, Path file, String howTo) throws PreflightException {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new PreflightException(
          name
              + "="
              + file
              + " cannot be read ("
              + e.getClass().getSimpleName()
              + "). Create it with: "
              + howTo);
    }
  }
}

package dev.herald.persistence.crypto;

import dev.herald.domain.shared.crypto.DataCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's {@link DataCipher}: the current key from {@code herald.data-key-file}
 * (published by the preflight agent from {@code HERALD_DATA_KEY_FILE}, or the dev key) and, for
 * rotation, older keys still able to decrypt from {@code herald.data-key-previous-files} (a comma
 * list, env {@code HERALD_DATA_KEY_PREVIOUS_FILES}). Each file holds a base64 32-byte key.
 */
@ApplicationScoped
public class DataCipherProducer {

  private static final Logger LOG = Logger.getLogger(DataCipherProducer.class.getName());

  @Produces
  @Singleton
  DataCipher cipher() {
    Config config = ConfigProvider.getConfig(DataCipherProducer.class.getClassLoader());
    Path current =
        config
            .getOptionalValue("herald.data-key-file", String.class)
            .map(Path::of)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "herald.data-key-file is not set: set HERALD_DATA_KEY_FILE (create the key"
                            + " with openssl rand -base64 32 > data.key) and keep the preflight"
                            + " agent in jvm.options."));
    Optional<String> previous =
        config.getOptionalValue("herald.data-key-previous-files", String.class);
    byte[][] old =
        previous
            .map(
                list ->
                    Arrays.stream(list.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .map(Path::of)
                        .map(DataCipherProducer::read)
                        .toArray(byte[][]::new))
            .orElse(new byte[0][]);
    DataCipher cipher = DataCipher.of(read(current), old);
    LOG.info(
        () ->
            "Data-encryption key "
                + cipher.currentKeyId()
                + " loaded ("
                + old.length
                + " previous keys)");
    return cipher;
  }

  private static byte[] read(Path file) {
    try {
      return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot read the data-encryption key "
              + file
              + " (base64 of 32 bytes expected): "
              + e.getClass().getSimpleName(),
          e);
    }
  }
}

package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.LibertyServer;
import dev.herald.launcher.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Production logs (issue 5, item 6): configured as deploy/k8s does, every line Liberty writes to
 * the console (the container's stdout) is a JSON object, and the request's line names its request
 * id and account. A second server on the same database, as a second replica would be.
 */
class JsonLogIT extends TenantSystemTest {

  static LibertyServer jsonServer;

  @BeforeAll
  static void start() {
    Map<String, String> env = new HashMap<>(system.devEnvironment());
    // As deploy/k8s sets it: the server.xml variable, and Liberty's own variables so that the
    // lines written before server.xml is read are JSON too.
    env.put("HERALD_LOG_FORMAT", "json");
    env.put("WLP_LOGGING_CONSOLE_FORMAT", "json");
    env.put("WLP_LOGGING_MESSAGE_FORMAT", "json");
    env.put("HERALD_CONSOLE_LOG_LEVEL", "INFO");
    jsonServer = system.startCopy("herald-json-log", env);
  }

  @AfterAll
  static void stop() {
    if (jsonServer != null) {
      jsonServer.stop();
    }
  }

  @Test
  void everyLineIsJsonAndTheRequestLineCarriesRequestIdAndAccount() throws IOException {
    String subject = Tokens.newSubject("jsonlog");
    Api.Reply reply =
        new Api(jsonServer.baseUrl())
            .get("/api/v1/bot/state")
            .token(tokens.tenant(subject))
            .header("X-Request-Id", "json-log-check-1")
            .send();
    assertEquals(200, reply.status(), reply::toString);

    Poll.until(
        "the access line is written",
        Duration.ofSeconds(10),
        () -> accessLine("json-log-check-1").isPresent());
    JsonObject line = accessLine("json-log-check-1").orElseThrow();
    String message = line.getString("message");
    assertTrue(message.contains("request_id=json-log-check-1"), message);
    assertTrue(message.contains("account_id=" + subject), message);
    assertEquals("dev.herald.api.access", line.getString("module"), line::toString);
    assertTrue(line.containsKey("timestamp") && line.containsKey("level"), line::toString);
  }

  private static Optional<JsonObject> accessLine(String requestId) {
    try {
      List<String> lines =
          Files.readAllLines(
              jsonServer.serverDir().resolve("logs/console.log"), StandardCharsets.UTF_8);
      assertFalse(lines.isEmpty());
      for (String text : lines) {
        if (text.startsWith("OpenJDK 64-Bit Server VM warning")) {
          continue; // the JVM's own stderr, before Liberty runs; OpenJ9 in the image prints none
        }
        JsonObject json = parse(text);
        if (json.getString("message", "").contains("request_id=" + requestId)) {
          return Optional.of(json);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonObject parse(String line) {
    try (JsonReader reader = Json.createReader(new StringReader(line))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new AssertionError("not a JSON line in messages.log: " + line, e);
    }
  }
}

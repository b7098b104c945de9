package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.LibertyServer;
import dev.herald.launcher.Ports;
import dev.herald.launcher.Tokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC rule 13: the prod profile has no insecure fallback. A server missing a secret exits
 * non-zero, names the variable and how to create it, and never opens its HTTP port.
 */
class ProdProfileIT {

  static LibertyServer prodServer;
  static Path secrets;

  @BeforeAll
  static void prepare() throws IOException {
    SystemUnderTest system = SystemUnderTest.get();
    prodServer = system.server().copyAs("herald-prod-check", Ports.free(), Map.of());
    secrets = Files.createDirectories(system.workDir().resolve("prod-secrets"));
    Files.copy(
        system.keysDir().resolve("jwt-private.pem"),
        secrets.resolve("jwt-private.pem"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        system.keysDir().resolve("jwt-public.pem"),
        secrets.resolve("jwt-public.pem"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Starts the prod-check server with {@code env} and asserts that it refused to start: exit code
   * 78, an output saying each of {@code saying}, and the HTTP port never opened.
   */
  private void assertRefusesToStart(Map<String, String> env, String... saying) throws Exception {
    Result result = run(env);
    assertEquals(78, result.exitCode(), result.output());
    for (String said : saying) {
      assertTrue(result.output().contains(said), result.output());
    }
    assertFalse(result.portOpened(), "the HTTP port must never open");
  }

  @Test
  void prodWithoutAnySecretRefusesToStartNamingTheFirstMissingVariable() throws Exception {
    assertRefusesToStart(Map.of("HERALD_PROFILE", "prod"), "DB_HOST is not set");
  }

  @Test
  void prodWithoutADataKeyRefusesToStartAndSaysHowToCreateOne() throws Exception {
    assertRefusesToStart(
        allSecretsButTheDataKey(), "HERALD_DATA_KEY_FILE is not set", "openssl rand -base64 32");
  }

  @Test
  void profileDefaultsToProdSoForgettingItIsNeverInsecure() throws Exception {
    assertRefusesToStart(Map.of(), "profile prod");
  }

  @Test
  void prodRefusesAWildcardCorsOrigin() throws Exception {
    assertRefusesToStart(
        allSecretsAnd("HERALD_CORS_ORIGINS", "*"),
        "HERALD_CORS_ORIGINS contains \"*\"",
        "no wildcard");
  }

  @Test
  void prodRefusesALocalhostCorsOrigin() throws Exception {
    assertRefusesToStart(
        allSecretsAnd("HERALD_CORS_ORIGINS", "https://dashboard.example.com,http://127.0.0.1:3000"),
        "no localhost origin");
  }

  @Test
  void prodRefusesTheSandboxTransportsUnlessADryRunIsAllowedExplicitly() throws Exception {
    assertRefusesToStart(
        allSecretsAnd("HERALD_TRANSPORT_SESSIONS", "tdlib"),
        "HERALD_TRANSPORT_USER_BOTS",
        "HERALD_ALLOW_DRY_RUN=true");
  }

  @Test
  void prodOnTheSandboxWithTheExplicitAllowanceStartsAndSaysDryRunEverywhere() throws Exception {
    SystemUnderTest system = SystemUnderTest.get();
    Map<String, String> env = new HashMap<>(system.devEnvironment());
    env.put("HERALD_PROFILE", "prod");
    env.put("HERALD_JWT_PRIVATE_KEY_FILE", system.keysDir().resolve("jwt-private.pem").toString());
    env.put("HERALD_JWT_PUBLIC_KEY_FILE", system.keysDir().resolve("jwt-public.pem").toString());
    env.put("HERALD_DATA_KEY_FILE", system.keysDir().resolve("data.key").toString());
    env.put("HERALD_ALLOW_DRY_RUN", "true");
    // A second node on the shared test database: it must not run other tests' bots.
    env.put("HERALD_ENGINE_ENABLED", "false");
    LibertyServer dryRun = system.server().copyAs("herald-prod-dry-run", Ports.free(), env);
    try {
      dryRun.start(Duration.ofMinutes(4));
      Api prodApi = new Api(dryRun.baseUrl());
      String ready = prodApi.get("/health/ready").send().body();
      assertTrue(ready.replace(" ", "").contains("\"dry_run\":true"), ready);
      String subject = Tokens.newSubject("prod-dry-run");
      Api.Reply state =
          prodApi
              .get("/api/v1/bot/state")
              .token(new Tokens(system.keysDir()).tenant(subject))
              .send();
      assertEquals(200, state.status(), state::toString);
      assertTrue(state.json().getBoolean("dry_run"), state::toString);
    } finally {
      dryRun.stop();
    }
  }

  /** The prod profile with the database and JWT key settings, no data key. */
  private static Map<String, String> allSecretsButTheDataKey() {
    Map<String, String> env = new HashMap<>();
    env.put("HERALD_PROFILE", "prod");
    env.put("DB_HOST", "localhost");
    env.put("DB_PASSWORD", "secret");
    env.put("HERALD_JWT_PRIVATE_KEY_FILE", secrets.resolve("jwt-private.pem").toString());
    env.put("HERALD_JWT_PUBLIC_KEY_FILE", secrets.resolve("jwt-public.pem").toString());
    return env;
  }

  /** Every secret the prod profile needs, valid, plus one more variable. */
  private static Map<String, String> allSecretsAnd(String name, String value) throws IOException {
    Path dataKey = secrets.resolve("data.key");
    Files.writeString(dataKey, Base64.getEncoder().encodeToString(new byte[32]) + "\n");
    Map<String, String> env = allSecretsButTheDataKey();
    env.put("HERALD_DATA_KEY_FILE", dataKey.toString());
    env.put(name, value);
    return env;
  }

  private record Result(int exitCode, String output, boolean portOpened) {}

  private Result run(Map<String, String> env) throws Exception {
    ProcessBuilder builder = prodServer.builder(List.of("run", "herald-prod-check"));
    builder.environment().remove("HERALD_PROFILE");
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Path log = Files.createTempFile("prod-check", ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    boolean portOpened = false;
    while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
      portOpened |= listening(prodServer.httpPort());
      if (portOpened) {
        process.destroyForcibly();
      }
    }
    return new Result(
        process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), portOpened);
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 100);
      return true;
    } catch (IOException closed) {
      return false;
    }
  }
}

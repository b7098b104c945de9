package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secrets at rest (issue 5, item 5): after the test has sent every kind of secret it can, none of
 * them appears in plain text in a dump of the database or in the server's logs. To cover a new
 * secret (an API hash, a user bot token, a TDLib key), submit it in {@link #submitSecrets()} and
 * add it to {@link #secrets}; the assertions stay the same.
 */
class SecretsAtRestIT extends TenantSystemTest {

  static final String PHONE = "+447700900123";
  static final String BOT_TOKEN = "7123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0";

  /** What must never be stored or logged in plain text, by what it is. */
  static final Map<String, String> secrets = new LinkedHashMap<>();

  @BeforeAll
  static void submitSecrets() throws IOException {

    secrets.put("bootstrap admin password", system.adminPassword());
    secrets.put("JWT private key body", pemBodyLine(system.keysDir().resolve("jwt-private.pem")));
    secrets.put(
        "data-encryption key", Files.readString(system.keysDir().resolve("data.key")).strip());

    Api.Reply login =
        api.post("/api/v1/auth/login", Admins.loginBody(Admins.OWNER_EMAIL, system.adminPassword()))
            .send();
    assertEquals(200, login.status(), login::toString);
    String adminToken = login.json().getString("access_token");
    secrets.put("issued admin token", adminToken);

    String tenantToken = tokens.tenant(Tokens.newSubject("secrets"));
    secrets.put("tenant token", tenantToken);
    assertEquals(200, api.post("/api/v1/account/register", "").token(tenantToken).send().status());
    assertEquals(200, api.post("/api/v1/account/register", "").token(adminToken).send().status());
    // A wrong password is a secret too: the failed attempt must not log it.
    String wrongPassword = "Wr0ng-" + System.nanoTime();
    secrets.put("mistyped password", wrongPassword);
    api.post("/api/v1/auth/login", Admins.loginBody(Admins.OWNER_EMAIL, wrongPassword)).send();

    Api.Reply userBot =
        api.post("/api/v1/user-bot", JsonBody.of("token", BOT_TOKEN)).token(tenantToken).send();
    assertEquals(201, userBot.status(), userBot::toString);
    secrets.put("user bot token", BOT_TOKEN);
    String apiHash = "5f2c" + Long.toHexString(System.nanoTime()) + "0".repeat(32);
    apiHash = apiHash.substring(0, 32);
    Api.Reply pair =
        api.post(
                "/api/v1/admin/api-pairs",
                JsonBody.of("api_id", 200_000 + System.nanoTime() % 700_000, "api_hash", apiHash))
            .token(adminToken)
            .send();
    assertEquals(201, pair.status(), pair::toString);
    secrets.put("API hash", apiHash);
    Api.Reply session =
        api.post(
                "/api/v1/admin/sessions",
                JsonBody.of(
                    "phone", PHONE, "api_pair_id", pair.json().getJsonNumber("id").longValue()))
            .token(adminToken)
            .send();
    assertEquals(201, session.status(), session::toString);
    secrets.put("session phone number", PHONE);
    String proxyPassword = "proxy-" + Long.toHexString(System.nanoTime());
    Api.Reply proxy =
        api.put(
                "/api/v1/admin/sessions/"
                    + session.json().getJsonNumber("id").longValue()
                    + "/proxy",
                JsonBody.of(
                    "type",
                    "SOCKS5",
                    "server",
                    "proxy.example",
                    "port",
                    1080,
                    "secret",
                    proxyPassword))
            .token(adminToken)
            .send();
    assertEquals(200, proxy.status(), proxy::toString);
    secrets.put("session proxy password", proxyPassword);
  }

  @Test
  void theDatabaseHoldsNoSecretInPlainText() throws SQLException {
    String dump = dumpDatabase();
    assertTrue(dump.contains("admin@herald.local"), "the dump must see the data it checks");
    secrets.forEach(
        (what, secret) -> assertFalse(dump.contains(secret), what + " is stored in plain text"));
    assertFalse(dump.contains(PHONE), "a phone number is stored in plain text");
  }

  @Test
  void theLogsHoldNoSecret() throws IOException {
    List<Path> logs = logFiles();
    assertFalse(logs.isEmpty());
    for (Path log : logs) {
      String text = Files.readString(log, StandardCharsets.ISO_8859_1);
      secrets.forEach((what, secret) -> assertFalse(text.contains(secret), what + " is in " + log));
      assertFalse(text.contains(PHONE), "a phone number is in " + log);
    }
  }

  @Test
  void rejectedTokensAreNotQuotedInMessagesLog() throws IOException {
    String forged = tokens.tenant(Tokens.newSubject("typo"));
    String mangled = forged.substring(0, forged.length() - 5) + "AAAAA";
    assertEquals(401, api.get("/api/v1/bot/state").token(mangled).send().status());
    assertEquals(401, api.get("/api/v1/bot/state").token("{\"not\":\"jws\"}").send().status());
    String payload = mangled.split("\\.")[1];
    for (Path log :
        List.of(
            system.server().messagesLog(),
            system.server().serverDir().resolve("logs/console.log"))) {
      if (Files.exists(log)) {
        String text = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(payload), "a rejected token is quoted in " + log);
      }
    }
  }

  /** Every column of every row of every table, as text: what a stolen backup would show. */
  static String dumpDatabase() throws SQLException {
    StringBuilder dump = new StringBuilder();
    try (Connection c = system.database().connect();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      assertTrue(tables.contains("account"), tables::toString);
      for (String table : tables) {
        try (ResultSet rows = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          ResultSetMetaData meta = rows.getMetaData();
          while (rows.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              dump.append(rows.getString(i)).append('\t');
            }
            dump.append('\n');
          }
        }
      }
    }
    return dump.toString();
  }

  /** messages.log, console.log, trace and FFDC files: everything the server wrote. */
  static List<Path> logFiles() throws IOException {
    try (Stream<Path> files = Files.walk(system.server().serverDir().resolve("logs"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  /** One full line of the PEM body: enough to recognise the key, never a common substring. */
  static String pemBodyLine(Path pem) throws IOException {
    return Files.readAllLines(pem).stream()
        .filter(line -> !line.startsWith("-----") && line.length() >= 64)
        .skip(3)
        .findFirst()
        .orElseThrow();
  }
}

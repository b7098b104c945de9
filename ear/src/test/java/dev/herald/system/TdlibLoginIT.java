package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.LibertyServer;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server whose sessions use the real TDLib library ({@code telegram/fetch-tdlib.sh}): adding a
 * session starts a real TDLib client, which cannot reach Telegram here, so the login must fail
 * clearly and in bounded time instead of hanging the admin request.
 */
class TdlibLoginIT extends TenantSystemTest {

  static LibertyServer tdlibServer;
  static Api tdlibApi;

  @BeforeAll
  static void start() {
    Path library =
        Path.of(System.getProperty("herald.tdlib.library-path", "../.tdlib/package/libtdjson.so"))
            .toAbsolutePath();
    assertTrue(
        Files.isRegularFile(library),
        "TDLib library missing at " + library + "; run telegram/fetch-tdlib.sh");
    Map<String, String> env = new HashMap<>(system.testEnvironment());
    env.put("HERALD_TRANSPORT_SESSIONS", "tdlib");
    env.put("HERALD_TDLIB_LIBRARY_PATH", library.toString());
    env.put("HERALD_TDLIB_DATA_DIR", system.workDir().resolve("tdlib").toString());
    // No HERALD_TDLIB_DATABASE_KEY: the session databases are keyed from Herald's data key.
    env.put("HERALD_TDLIB_LOGIN_STEP_TIMEOUT_MS", "8000");
    env.put("HERALD_ENGINE_ENABLED", "false");
    tdlibServer = system.startCopy("herald-tdlib", env);
    tdlibApi = new Api(tdlibServer.baseUrl());
  }

  @AfterAll
  static void stop() {
    if (tdlibServer != null) {
      tdlibServer.stop();
    }
  }

  @Test
  void readinessReportsTheLoadedTdlib() {
    Api.Reply ready = tdlibApi.get("/health/ready").send();
    assertEquals(200, ready.status(), ready::body);
    assertTrue(ready.body().contains("\"tdlib\""), ready::body);
  }

  @Test
  void addingASessionWithoutTelegramFailsClearlyAndInBoundedTime() {
    String admin = fixtures.adminToken();
    Api.Reply pair =
        tdlibApi
            .post(
                "/api/v1/admin/api-pairs",
                JsonBody.of("api_id", 94575, "api_hash", "a3406de8d171bb422bb6ddf3bbd800e2"))
            .token(admin)
            .send();
    assertTrue(pair.status() == 201 || pair.status() == 409, pair::toString);
    long pairId = fixtures.count("SELECT id FROM api_pair WHERE api_id = 94575");

    long started = System.nanoTime();
    Api.Reply session =
        tdlibApi
            .post(
                "/api/v1/admin/sessions",
                JsonBody.of("phone", "+15550001122", "api_pair_id", pairId))
            .token(admin)
            .send();
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;

    assertEquals(201, session.status(), session::toString);
    JsonObject body = session.json();
    assertEquals("FAILED", body.getString("login"), body::toString);
    assertFalse(body.getString("login_detail").isBlank());
    assertEquals("PENDING_AUTH", body.getString("state"));
    assertTrue(seconds < 30, "the login step took " + seconds + " s");
    assertFalse(session.body().contains("15550001122"), "the phone number is never echoed in full");
  }
}

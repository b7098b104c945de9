package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the real libtdjson (telegram/fetch-tdlib.sh), offline, found by {@link RealTdlib}. */
class TdlibLibraryIT {

  private static final ApiPair API =
      new ApiPair(12345, "0123456789abcdef0123456789abcdef"); // Dummy: the test is offline.

  private static TdlibLibrary library;

  /** One for the whole class: TDLib allows one receive loop per process. */
  private static TdlibSessions sessions;

  private static Path dataDir;

  @BeforeAll
  static void load() throws Exception {
    String path = RealTdlib.pathOrSkip();
    library = TdlibLibrary.load(Optional.of(path), 1);
    assertTrue(library.status().available(), library.status().detail());
    dataDir = Files.createTempDirectory("herald-tdlib-it");
    sessions =
        new TdlibSessions(
            library,
            TestTdlibConfig.of(dataDir, Duration.ofSeconds(3)),
            "integration-test-key-material-32".getBytes(),
            Thread::new,
            Clock.systemUTC());
  }

  @AfterAll
  static void close() {
    if (sessions != null) {
      sessions.close();
    }
  }

  @Test
  void bindingLoadsAndExecutesSynchronousMethods() {
    assertTrue(
        library.status().version().orElseThrow().startsWith("1.8."), library.status().detail());
    JsonObject version =
        library.execute(TdlibJson.object("getOption").add("name", "version").build());
    assertEquals("optionValueString", TdlibJson.type(version));
    JsonObject entities =
        library.execute(
            TdlibJson.object("getTextEntities")
                .add("text", "Hi @herald_demo, see https://t.me/herald")
                .build());
    assertEquals("textEntities", TdlibJson.type(entities));
    assertEquals(2, entities.getJsonArray("entities").size());
  }

  @Test
  void clientReachesWaitPhoneNumberOffline() throws Exception {
    TdlibSessionClient client = sessions.open(101, API);
    Optional<JsonObject> state =
        client
            .authorization()
            .await(AuthorizationStates.WAIT_PHONE::equals, Duration.ofSeconds(20));
    assertTrue(state.isPresent(), "state stayed " + client.authorizationState());
    assertTrue(Files.isDirectory(client.databaseDirectory()));
    // TDLib reports its connection in the update and names the model and TdlibConnection use
    // (offline, as here: Connecting or WaitingForNetwork; a machine that reaches Telegram would
    // go on to Updating and Ready).
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (client.connectionState().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(
        Set.of(
                "connectionStateWaitingForNetwork",
                "connectionStateConnectingToProxy",
                "connectionStateConnecting",
                TdlibConnection.UPDATING,
                TdlibConnection.READY)
            .contains(client.connectionState()),
        "connection state " + client.connectionState());
    assertTrue(client.offline().isEmpty(), "only briefly without Telegram: its sends still wait");
  }

  @Test
  void loginWithoutTelegramFailsClearlyAndInBoundedTime() {
    long start = System.nanoTime();
    LoginStep step = sessions.startLogin(102, "+447700900123", API);
    long seconds = (System.nanoTime() - start) / 1_000_000_000;
    assertEquals(LoginStep.Kind.FAILED, step.kind(), step.detail());
    assertFalse(step.detail().isBlank());
    assertTrue(seconds < 15, "took " + seconds + " s");
  }
}

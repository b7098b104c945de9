package dev.herald.telegram.tdlib;

import static dev.herald.telegram.tdlib.FakeTdlibSessions.API;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.KEY;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.PHONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.shared.MutableClock;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.telegram.model.NewChat;
import dev.herald.telegram.model.TelegramLimits;
import dev.herald.telegram.model.TelegramWorld;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose network to Telegram is cut, on the model: TDLib reports that it cannot connect and
 * holds every message it takes until it can. A session long without Telegram is refused at once and
 * nothing waits in TDLib to go out later; a short cut is waited out and the post goes once; a post
 * given up on while cut never goes out when Telegram returns (rule 10).
 */
class TdlibOfflineTest {

  private static final long SESSION = 1;
  private static final ChatReference ADS = ChatReference.parse("@ads_group");

  @TempDir Path dataDir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final TelegramWorld world = new TelegramWorld(clock, TelegramLimits.telegram());
  private final ModelTdJson td = new ModelTdJson(world, new ClientRecord(Optional.empty()));
  private TdlibSessions sessions;

  /** A session logged in and a member of {@link #ADS}, with these timeouts. */
  private void loggedInMember(Duration sendTimeout, Duration offlineAfter) {
    world.createChat(NewChat.supergroup("Ads").username("ads_group"));
    TdlibConfig config =
        new TdlibConfig(
            dataDir,
            true,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            sendTimeout,
            "en",
            "Herald",
            "0.1.0",
            3,
            Duration.ofSeconds(30),
            offlineAfter);
    sessions =
        new TdlibSessions(TdlibLibrary.model(td), config, KEY, Thread::new, clock)
            .withOwnApiPairs(sessionId -> Optional.of(API));
    assertEquals(LoginStep.Kind.CODE_REQUIRED, sessions.startLogin(SESSION, PHONE, API).kind());
    assertEquals(LoginStep.ready(), sessions.submitCode(SESSION, "12345"));
    assertTrue(sessions.prepare(SESSION, ADS, Optional.empty(), true).join().joined());
  }

  @AfterEach
  void close() {
    if (sessions != null) {
      sessions.close();
    }
  }

  private CompletableFuture<SendOutcome> send(String text) {
    return sessions.send(SESSION, ADS, Post.text(text));
  }

  private List<String> sent() {
    return world.sendLog().entries().stream().map(e -> e.text() + " " + e.outcome()).toList();
  }

  /** Waits (in real time: TDLib's updates arrive on its own thread) until {@code done}. */
  private static void until(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!done.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
      Thread.sleep(10);
    }
  }

  /** Cuts or restores the network, and waits until the session's client has heard of it. */
  private void telegramReachable(boolean reachable) throws InterruptedException {
    td.telegramReachable(reachable);
    String expected = reachable ? TdlibConnection.READY : "connectionStateConnecting";
    until(
        "the client reports " + expected,
        () -> expected.equals(sessions.find(SESSION).orElseThrow().connectionState()));
  }

  @Test
  void aSessionLongWithoutTelegramIsRefusedAtOnceAndNothingWaitsInTdlib() throws Exception {
    loggedInMember(Duration.ofSeconds(20), Duration.ofSeconds(30));
    telegramReachable(false);
    clock.advance(Duration.ofSeconds(31));

    long started = System.nanoTime();
    SendOutcome outcome = send("while cut").join();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    SendOutcome.SenderUnavailable refused =
        assertInstanceOf(SendOutcome.SenderUnavailable.class, outcome);
    assertTrue(
        refused.reason().startsWith("TDLib has not reached Telegram for 31 s"), refused::reason);
    assertTrue(refused.reason().contains("connectionStateConnecting"), refused::reason);
    assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "refused at once, not after " + took);
    assertEquals(0, td.heldMessages(), "nothing was handed to TDLib");
    assertTrue(refused.nothingSent(), "so another sender may post the chat in the cycle");
    telegramReachable(true);
    assertEquals(List.of(), sent(), "nothing was queued to go out later");

    clock.advance(Duration.ofSeconds(2));
    assertInstanceOf(SendOutcome.Delivered.class, send("back").join());
    assertEquals(List.of("back ok"), sent());
  }

  @Test
  void aShortCutIsWaitedOutAndThePostGoesOnce() throws Exception {
    loggedInMember(Duration.ofSeconds(20), Duration.ofSeconds(30));
    telegramReachable(false);
    clock.advance(Duration.ofSeconds(29));

    CompletableFuture<SendOutcome> outcome = send("through a reconnect");
    until("TDLib holds the post", () -> td.heldMessages() == 1);
    assertTrue(!outcome.isDone(), "held while TDLib reconnects: " + outcome);

    telegramReachable(true);

    assertInstanceOf(SendOutcome.Delivered.class, outcome.join());
    assertEquals(List.of("through a reconnect ok"), sent());
  }

  @Test
  void aPostGivenUpOnWhileCutNeverGoesOutWhenTelegramReturns() throws Exception {
    loggedInMember(Duration.ofMillis(500), Duration.ofSeconds(30));
    telegramReachable(false);

    SendOutcome outcome = send("given up").join();

    assertInstanceOf(SendOutcome.TransientError.class, outcome);
    // The cancel (deleteMessages) reaches TDLib after the outcome.
    until("TDLib deleted the held post", () -> td.heldMessages() == 0);
    telegramReachable(true);
    assertEquals(List.of(), sent(), "recorded as failed, so never sent later");
  }
}

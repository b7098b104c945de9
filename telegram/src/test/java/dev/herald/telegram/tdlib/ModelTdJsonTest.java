package dev.herald.telegram.tdlib;

import static dev.herald.telegram.tdlib.FakeTdlibSessions.API;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.KEY;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.PHONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model library a running server can use in system tests: logged-in sessions reopen from their
 * binlog, even one restored from the state store into an empty folder, still members of the chats
 * they joined on another node (each process has its own world), and every client's open, close,
 * join and send is recorded.
 */
class ModelTdJsonTest {

  private static final ChatReference CHAT = ChatReference.parse("@herald_model");

  @TempDir Path dataDir;
  @TempDir Path shared;
  private final SealedMemoryStateStore store = new SealedMemoryStateStore();

  /** A node: a process with its own model library (the model's world is per process). */
  private TdlibSessions node(Path folder, String name) {
    return new TdlibSessions(
            TdlibLibrary.model(Clock.systemUTC(), Optional.of(shared.resolve("clients.log"))),
            TestTdlibConfig.of(folder, Duration.ofSeconds(2)),
            KEY,
            Thread::new,
            Clock.systemUTC())
        .withOwnApiPairs(sessionId -> Optional.of(API))
        .keepingStateIn(store, name, Duration.ofHours(1));
  }

  private List<String> events() throws Exception {
    return Files.readAllLines(shared.resolve("clients.log")).stream()
        .map(line -> line.split(" ")[1] + " " + line.split(" ")[2])
        .toList();
  }

  @Test
  void aLoggedInSessionReopensWithoutALoginOnTheSameAndOnAnotherNode() throws Exception {
    long chatId;
    try (TdlibSessions first = node(dataDir, "node-a")) {
      assertEquals(LoginStep.Kind.CODE_REQUIRED, first.startLogin(1, PHONE, API).kind());
      assertEquals(LoginStep.ready(), first.submitCode(1, "12345"));
      assertInstanceOf(
          SendOutcome.ChatForbidden.class,
          first.send(1, CHAT, Post.text("a")).join(),
          "not a member before it joined");
      chatId = first.prepare(1, CHAT, Optional.empty(), true).join().chatId();
      assertInstanceOf(SendOutcome.Delivered.class, first.send(1, CHAT, Post.text("a")).join());
    }
    try (TdlibSessions restarted = node(dataDir, "node-a")) {
      assertInstanceOf(
          SendOutcome.Delivered.class, restarted.send(1, CHAT, Post.text("b")).join(), "no login");
    }
    try (TdlibSessions elsewhere = node(Files.createTempDirectory(shared, "b"), "node-b")) {
      assertInstanceOf(
          SendOutcome.Delivered.class,
          elsewhere.send(1, CHAT, Post.text("c")).join(),
          "restored from the store into an empty folder, still a member");
      assertEquals(
          chatId,
          elsewhere.prepare(1, CHAT, Optional.empty(), false).join().chatId(),
          "the same chat id in every node's world");
    }
    assertEquals(
        List.of(
            "open 1", "login 1", "join 1", "send 1", "close 1", "open 1", "send 1", "close 1",
            "open 1", "send 1", "close 1"),
        events());
  }

  @Test
  void aSessionNeverLoggedInWaitsForALogin() throws Exception {
    try (TdlibSessions node = node(dataDir, "node-a")) {
      assertInstanceOf(
          SendOutcome.SenderNeedsLogin.class, node.send(2, CHAT, Post.text("a")).join());
    }
    assertTrue(events().contains("open 2"));
  }

  @Test
  void aWrongCodeIsRefusedAndTheLoginGoesOn() {
    try (TdlibSessions node = node(dataDir, "node-a")) {
      node.startLogin(3, PHONE, API);
      assertEquals(LoginStep.Kind.CODE_REQUIRED, node.submitCode(3, "11111").kind());
      assertEquals(LoginStep.ready(), node.submitCode(3, "12345"));
    }
  }
}

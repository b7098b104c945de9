package dev.herald.telegram.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.telegram.model.TelegramLimits;
import dev.herald.telegram.model.TelegramWorld;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SandboxGatewayTest {

  private static final Sender SESSION = Sender.session(7);
  private static final ChatReference CHAT = ChatReference.parse("@herald_demo");
  private static final Post POST = Post.text("hello");

  /** Faults only: the world has no rate limits, so many quick posts are delivered. */
  private static SandboxGateway gateway(FaultPlan plan) {
    return new SandboxGateway(
        new SandboxFaults(plan, 42),
        new SandboxWorld(new TelegramWorld(Clock.systemUTC(), TelegramLimits.unlimited()), true));
  }

  @Test
  void deliversAndRecordsWhatWouldBeSentAsDryRun() {
    SandboxGateway sandbox = gateway(FaultPlan.none());

    SendOutcome outcome = sandbox.send(SESSION, CHAT, POST);

    assertInstanceOf(SendOutcome.Delivered.class, outcome);
    assertTrue(sandbox.dryRun());
    assertEquals("sandbox", sandbox.transport());
    assertEquals(1, sandbox.sent().size());
    assertEquals(CHAT, sandbox.sent().get(0).chat());
    assertEquals(POST, sandbox.sent().get(0).post());
    assertEquals(1L, sandbox.counters().get("DELIVERED"));
  }

  @Test
  void floodWaitEveryNthPostOfASender() {
    SandboxGateway sandbox = gateway(FaultPlan.none().withFloodWait(3, Duration.ofSeconds(9)));
    List<SendOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      outcomes.add(sandbox.send(SESSION, CHAT, POST));
    }
    assertEquals(new SendOutcome.FloodWait(Duration.ofSeconds(9)), outcomes.get(2));
    assertEquals(new SendOutcome.FloodWait(Duration.ofSeconds(9)), outcomes.get(5));
    assertInstanceOf(SendOutcome.Delivered.class, outcomes.get(0));
    assertInstanceOf(SendOutcome.Delivered.class, outcomes.get(3));
    // Another sender has its own count.
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(Sender.session(8), CHAT, POST));
    assertEquals(2L, sandbox.counters().get("FLOOD_WAIT"));
  }

  @Test
  void floodWaitCountsPostsFromWhenTheFaultIsSwitchedOn() {
    SandboxFaults faults = new SandboxFaults(FaultPlan.none(), 42);
    SandboxGateway sandbox =
        new SandboxGateway(
            faults,
            new SandboxWorld(
                new TelegramWorld(Clock.systemUTC(), TelegramLimits.unlimited()), true));
    for (int i = 0; i < 4; i++) {
      assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(SESSION, CHAT, POST));
    }
    faults.update(plan -> plan.withFloodWait(3, Duration.ofSeconds(9)));
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(SESSION, CHAT, POST));
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(SESSION, CHAT, POST));
    assertEquals(
        new SendOutcome.FloodWait(Duration.ofSeconds(9)), sandbox.send(SESSION, CHAT, POST));
  }

  @Test
  void banProbabilityOneBansZeroNever() {
    assertInstanceOf(
        SendOutcome.SenderBanned.class,
        gateway(FaultPlan.none().withBanProbability(1)).send(SESSION, CHAT, POST));
    SandboxGateway never = gateway(FaultPlan.none());
    for (int i = 0; i < 50; i++) {
      assertInstanceOf(SendOutcome.Delivered.class, never.send(SESSION, CHAT, POST));
    }
  }

  @Test
  void sessionStateFaultsAnswerUnavailableOrNeedsLoginNeverBanned() {
    SandboxGateway sandbox =
        gateway(FaultPlan.none().withSessionStates(List.of(SESSION.id()), List.of()));
    SendOutcome unavailable = sandbox.send(SESSION, CHAT, POST);
    assertInstanceOf(SendOutcome.SenderUnavailable.class, unavailable);
    assertTrue(unavailable.retryableByAnotherSender(), "answered before any chat, as TDLib's");
    sandbox = gateway(FaultPlan.none().withSessionStates(List.of(), List.of(SESSION.id())));
    SendOutcome needsLogin = sandbox.send(SESSION, CHAT, POST);
    assertInstanceOf(SendOutcome.SenderNeedsLogin.class, needsLogin);
    assertTrue(needsLogin.retryableByAnotherSender(), "answered before any chat, as TDLib's");
  }

  @Test
  void bansAreDeterministicForASeed() {
    FaultPlan half = FaultPlan.none().withBanProbability(0.5);
    List<String> first = codes(gateway(half), 40);
    List<String> second = codes(gateway(half), 40);
    assertEquals(first, second);
    assertTrue(first.contains("SENDER_BANNED") && first.contains("DELIVERED"), first.toString());
  }

  private static List<String> codes(SandboxGateway sandbox, int count) {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      codes.add(sandbox.send(SESSION, CHAT, POST).code());
    }
    return codes;
  }

  @Test
  void forbiddenChatsByExactNameOrPrefix() {
    SandboxGateway sandbox =
        gateway(FaultPlan.none().withForbiddenChats(List.of("@Closed_chat", "-100999*")));
    assertInstanceOf(
        SendOutcome.ChatForbidden.class,
        sandbox.send(SESSION, ChatReference.parse("https://t.me/closed_chat"), POST));
    assertInstanceOf(
        SendOutcome.ChatForbidden.class,
        sandbox.send(SESSION, ChatReference.parse("-1009991234"), POST));
    assertInstanceOf(
        SendOutcome.Delivered.class,
        sandbox.send(SESSION, ChatReference.parse("@closed_chat_2"), POST));
  }

  @Test
  void latencyDelaysTheAsyncResultWithoutBlockingTheCaller() throws Exception {
    SandboxGateway sandbox = gateway(FaultPlan.none().withLatency(Duration.ofMillis(300)));
    long start = System.nanoTime();
    CompletableFuture<SendOutcome> pending =
        sandbox.sendAsync(SESSION, CHAT, POST).toCompletableFuture();
    assertTrue(
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 200, "sendAsync returned late");
    assertFalse(pending.isDone());
    assertInstanceOf(SendOutcome.Delivered.class, pending.get(5, TimeUnit.SECONDS));
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 290);
    sandbox.close();
  }

  @Test
  void faultsChangeAtRuntimeAndReset() {
    SandboxFaults faults = new SandboxFaults(FaultPlan.none(), 1);
    SandboxGateway sandbox = new SandboxGateway(faults);
    faults.setForbiddenChats(List.of("@herald_demo"));
    assertInstanceOf(SendOutcome.ChatForbidden.class, sandbox.send(SESSION, CHAT, POST));
    faults.reset();
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(SESSION, CHAT, POST));
  }

  @Test
  void recentListIsBounded() {
    SandboxGateway sandbox = gateway(FaultPlan.none());
    for (int i = 0; i < 1005; i++) {
      sandbox.send(SESSION, CHAT, Post.text("post " + i));
    }
    assertEquals(1000, sandbox.sent().size());
    assertEquals("post 1004", sandbox.sent().get(999).post().text());
    assertEquals(1005L, sandbox.counters().get("DELIVERED"));
  }
}

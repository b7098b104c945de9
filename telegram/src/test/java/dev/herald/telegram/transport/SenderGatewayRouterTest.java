package dev.herald.telegram.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.telegram.botapi.BotApiClient;
import dev.herald.telegram.botapi.BotApiGateway;
import dev.herald.telegram.config.TestSettings;
import dev.herald.telegram.sandbox.FaultPlan;
import dev.herald.telegram.sandbox.SandboxFaults;
import dev.herald.telegram.sandbox.SandboxGateway;
import dev.herald.telegram.sandbox.SandboxUserBotVerifier;
import dev.herald.telegram.tdlib.TdlibGateway;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SenderGatewayRouterTest {

  private static final long ACCOUNT = 7;

  private final SandboxGateway sandbox = new SandboxGateway(new SandboxFaults(FaultPlan.none(), 1));
  private final BotApiGateway botApi =
      new BotApiGateway(
          new BotApiClient(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1)), false);
  private final TdlibGateway tdlib = new TdlibGateway(null);

  private SenderGatewayRouter router(String sessions, String userBots) {
    return new SenderGatewayRouter(
        TestSettings.transports(sessions, userBots), () -> sandbox, () -> tdlib, () -> botApi);
  }

  @Test
  void sandboxByDefaultForBothKinds() {
    SenderGatewayRouter router = router("sandbox", "sandbox");
    assertEquals(sandbox, router.gatewayFor(Sender.Kind.SESSION));
    assertEquals(sandbox, router.gatewayFor(Sender.Kind.USER_BOT));
    assertTrue(router.dryRun());
    assertEquals("sandbox", router.transport());
    SendOutcome outcome =
        router.send(Sender.session(1), ChatReference.parse("@herald_demo"), Post.text("x"));
    assertInstanceOf(SendOutcome.Delivered.class, outcome);
    assertEquals(1, sandbox.sent().size());
  }

  @Test
  void productionTransportsPerKind() {
    SenderGatewayRouter router = router("TDLIB", "botapi");
    assertEquals(tdlib, router.gatewayFor(Sender.Kind.SESSION));
    assertEquals(botApi, router.gatewayFor(Sender.Kind.USER_BOT));
    assertFalse(router.dryRun());
    assertEquals("tdlib", router.transport());
    // User bots go to the Bot API (unreachable here), not the sandbox.
    router.send(
        Sender.userBot(2, "1:" + "a".repeat(35)),
        ChatReference.parse("@herald_demo"),
        Post.text("x"));
    assertTrue(sandbox.sent().isEmpty());
  }

  @Test
  void userBotsOnTheBotApiWhileSessionsStayInTheSandboxAreLabelledEachByItsOwn() {
    SenderGatewayRouter router = router("sandbox", "botapi");
    assertEquals("botapi", router.transport(Sender.Kind.USER_BOT));
    assertFalse(router.dryRun(Sender.Kind.USER_BOT), "the Bot API posts for real");
    assertEquals("sandbox", router.transport(Sender.Kind.SESSION));
    assertTrue(router.dryRun(Sender.Kind.SESSION));
    assertTrue(router.dryRun(), "some of this node's posts reach no real Telegram");
  }

  @Test
  void sessionsOnTdlibWithUserBotsInTheSandboxStillSayDryRunForUserBots() {
    SenderGatewayRouter router = router("tdlib", "sandbox");
    assertFalse(router.dryRun(Sender.Kind.SESSION));
    assertTrue(router.dryRun(Sender.Kind.USER_BOT));
    assertEquals("sandbox", router.transport(Sender.Kind.USER_BOT));
    assertTrue(router.dryRun());
  }

  @Test
  void unknownTransportNamesAreRefusedClearly() {
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> router("botapi", "sandbox").gatewayFor(Sender.Kind.SESSION));
    assertTrue(error.getMessage().contains("herald.transport.sessions"));
  }

  @Test
  void verifierFollowsTheUserBotTransport() {
    UserBotVerifierRouter verifiers =
        new UserBotVerifierRouter(
            TestSettings.transports("sandbox", "sandbox"),
            () -> new SandboxUserBotVerifier(sandbox),
            () -> {
              throw new AssertionError("botapi used");
            });
    assertTrue(verifiers.verify(ACCOUNT, "123:" + "b".repeat(35), Optional.empty()).verified());
  }
}

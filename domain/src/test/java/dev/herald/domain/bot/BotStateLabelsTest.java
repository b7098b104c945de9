package dev.herald.domain.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.plan.Plan;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.domain.userbot.UserBot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code /bot/state}'s labels (issue 13): each sender says the transport its posts go through and
 * whether that is a dry run, and a user bot counts as a sender only on the transport it was
 * verified on.
 */
class BotStateLabelsTest {

  private static final long ACCOUNT = 7;
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  /** A gateway whose user bots post through {@code userBots}, sessions through the sandbox. */
  private static TelegramGateway gateway(String userBots) {
    Map<String, Boolean> dryRun = Map.of("sandbox", true, "botapi", false, "tdlib", false);
    return new TelegramGateway() {
      @Override
      public String transport() {
        return "sandbox";
      }

      @Override
      public String transport(Sender.Kind kind) {
        return kind == Sender.Kind.USER_BOT ? userBots : "sandbox";
      }

      @Override
      public boolean dryRun(Sender.Kind kind) {
        return dryRun.get(transport(kind));
      }

      @Override
      public SendOutcome send(Sender sender, ChatReference chat, Post post) {
        throw new UnsupportedOperationException();
      }
    };
  }

  private static BotService service(UserBot userBot, TelegramGateway gateway) {
    BotConfig config =
        new BotConfig(
            List.of(ChatReference.parse("@herald_demo")),
            BotConfig.empty(0, 1).postType(),
            "hello",
            null,
            0,
            1);
    BotStateRows.BotRow bot =
        new BotStateRows.BotRow(BotStatus.RUNNING, null, null, NOW, config, null, 0);
    Optional<BotStateRows.UserBotRow> own =
        Optional.ofNullable(userBot)
            .map(
                u ->
                    new BotStateRows.UserBotRow(
                        u.username().orElse(null),
                        u.tokenMasked(),
                        u.verified(),
                        u.status(),
                        u.verifiedTransport().orElse(null)));
    BotService service = new BotService();
    service.stateReads =
        accountId ->
            Optional.of(new BotStateRows(Plan.none().limits(), Optional.of(bot), own, List.of()));
    service.gateway = gateway;
    service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return service;
  }

  private static UserBot verifiedOn(String transport) {
    UserBot own = new UserBot(ACCOUNT, "sealed", "12:****", NOW);
    own.markVerified(12, "herald_bot", transport, NOW);
    return own;
  }

  @Test
  void aUserBotOnTheBotApiIsLabelledRealWhileSessionsWouldBeDryRun() {
    BotState state = service(verifiedOn("botapi"), gateway("botapi")).state(ACCOUNT);

    SenderLabel own = state.senders().get(0);
    assertEquals(Sender.Kind.USER_BOT, own.kind());
    assertEquals("botapi", own.transport());
    assertFalse(own.dryRun(), "its posts reach Telegram");
    assertTrue(own.available());
    assertEquals("botapi", state.transport());
    assertFalse(state.dryRun(), "the bot's only sender posts for real");
    assertFalse(state.idle());
  }

  @Test
  void aUserBotInTheSandboxIsLabelledDryRun() {
    BotState state = service(verifiedOn("sandbox"), gateway("sandbox")).state(ACCOUNT);

    assertEquals("sandbox", state.senders().get(0).transport());
    assertTrue(state.senders().get(0).dryRun());
    assertTrue(state.dryRun());
  }

  @Test
  void aUserBotVerifiedInTheSandboxIsNoSenderAfterTheSwitchToTheBotApi() {
    BotState state = service(verifiedOn("sandbox"), gateway("botapi")).state(ACCOUNT);

    SenderLabel own = state.senders().get(0);
    assertFalse(own.available());
    assertTrue(own.note().contains("verified on sandbox"), own.note());
    assertTrue(own.note().contains("verify it again"), own.note());
    assertTrue(state.idle(), "running, but nothing can send");
    assertNull(state.resumesAt(), "only the tenant can make it available again");
  }

  @Test
  void withoutSendersTheBotSaysDryRunWhenAnyTransportIsTheSandbox() {
    assertTrue(service(null, gateway("botapi")).state(ACCOUNT).dryRun());
  }
}

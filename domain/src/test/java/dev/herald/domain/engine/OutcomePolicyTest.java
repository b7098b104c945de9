package dev.herald.domain.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.engine.OutcomeAction.Kind;
import dev.herald.domain.telegram.SendOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutcomePolicyTest {

  private final OutcomePolicy coolOnPeerFlood = new OutcomePolicy(false, Duration.ofHours(1));
  private final OutcomePolicy banOnPeerFlood = new OutcomePolicy(true, Duration.ofHours(1));

  /** Asserts that {@code action} is {@code kind}, holding the sender back for {@code coolDown}. */
  private static void assertAction(Kind kind, Duration coolDown, OutcomeAction action) {
    assertEquals(kind, action.kind());
    assertEquals(coolDown, action.coolDown());
  }

  @Test
  void floodWaitCoolsTheSenderDownForTheTimeTelegramAsked() {
    assertAction(
        Kind.COOL_DOWN_SENDER,
        Duration.ofSeconds(42),
        coolOnPeerFlood.decide(new SendOutcome.FloodWait(Duration.ofSeconds(42))));
  }

  @Test
  void bansAndRevocationsBanTheSession() {
    assertEquals(
        Kind.BAN_SENDER,
        coolOnPeerFlood.decide(new SendOutcome.SenderBanned("USER_DEACTIVATED_BAN")).kind());
    assertEquals(
        Kind.BAN_SENDER, coolOnPeerFlood.decide(new SendOutcome.Unauthorized("401")).kind());
  }

  @Test
  void peerFloodBansOrCoolsDownAsConfigured() {
    SendOutcome peerFlood = new SendOutcome.SenderLimited("PEER_FLOOD");
    assertEquals(Kind.BAN_SENDER, banOnPeerFlood.decide(peerFlood).kind());
    assertAction(Kind.COOL_DOWN_SENDER, Duration.ofHours(1), coolOnPeerFlood.decide(peerFlood));
  }

  @Test
  void chatFailuresSkipOnlyThatChat() {
    assertEquals(
        Kind.SKIP_CHAT,
        coolOnPeerFlood.decide(new SendOutcome.ChatForbidden("CHAT_WRITE_FORBIDDEN")).kind());
    assertEquals(Kind.SKIP_CHAT, coolOnPeerFlood.decide(new SendOutcome.ChatNotFound("x")).kind());
    assertEquals(
        Kind.SKIP_CHAT,
        coolOnPeerFlood.decide(new SendOutcome.SlowMode(Duration.ofSeconds(5))).kind());
    assertEquals(
        Kind.SKIP_CHAT, coolOnPeerFlood.decide(new SendOutcome.TransientError("timeout")).kind());
    assertEquals(Kind.CONTINUE, coolOnPeerFlood.decide(new SendOutcome.Delivered(7)).kind());
  }

  @Test
  void aPostTelegramRefusesIsDroppedNeitherSenderNorChatPaysForIt() {
    OutcomeAction action =
        banOnPeerFlood.decide(new SendOutcome.PostRejected("Telegram refused the post: x"));
    assertAction(Kind.DROP_POST, Duration.ZERO, action);
    assertEquals("Telegram refused the post: x", action.reason());
  }

  @Test
  void aSenderThatCannotSendFromHereIsParkedUnavailableNeverBanned() {
    for (OutcomePolicy policy : new OutcomePolicy[] {coolOnPeerFlood, banOnPeerFlood}) {
      for (String reason :
          new String[] {"not open on this node", "starting", "TDLib library not loaded"}) {
        OutcomeAction action = policy.decide(new SendOutcome.SenderUnavailable(reason));
        assertEquals(Kind.PARK_UNAVAILABLE, action.kind(), reason);
        assertEquals(OutcomePolicy.UNAVAILABLE_BACK_OFF, action.coolDown(), reason);
      }
    }
  }

  @Test
  void aSenderThatIsNotLoggedInIsParkedNeedsLoginNeverBanned() {
    for (OutcomePolicy policy : new OutcomePolicy[] {coolOnPeerFlood, banOnPeerFlood}) {
      for (String reason :
          new String[] {
            "authorizationStateWaitPhoneNumber",
            "authorizationStateWaitCode",
            "authorizationStateWaitPassword",
            "authorizationStateLoggingOut"
          }) {
        assertEquals(
            Kind.PARK_NEEDS_LOGIN,
            policy.decide(new SendOutcome.SenderNeedsLogin(reason)).kind(),
            reason);
      }
    }
  }
}

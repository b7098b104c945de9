package dev.herald.domain.engine;

import dev.herald.domain.engine.OutcomeAction.Kind;
import dev.herald.domain.telegram.SendOutcome;
import java.time.Duration;

/**
 * SPEC rules 8 and 9 as a function: flood wait and slow mode cool the sender down for the time
 * Telegram asked (slow mode is per chat, but a sender waiting on one chat's slow mode would block
 * its whole share, so it skips that chat instead); bans and revocations ban the session; {@code
 * PEER_FLOOD} bans or cools down as configured; chat failures skip the chat.
 */
public final class OutcomePolicy {

  private final boolean banOnPeerFlood;
  private final Duration peerFloodCoolDown;

  public OutcomePolicy(boolean banOnPeerFlood, Duration peerFloodCoolDown) {
    this.banOnPeerFlood = banOnPeerFlood;
    this.peerFloodCoolDown = peerFloodCoolDown;
  }

  public OutcomeAction decide(SendOutcome outcome) {
    if (outcome instanceof SendOutcome.Delivered) {
      return OutcomeAction.of(Kind.CONTINUE, null);
    }
    if (outcome instanceof SendOutcome.FloodWait flood) {
      return new OutcomeAction(Kind.COOL_DOWN_SENDER, flood.retryAfter(), "FLOOD_WAIT");
    }
    if (outcome instanceof SendOutcome.SlowMode) {
      return OutcomeAction.of(Kind.SKIP_CHAT, "SLOW_MODE");
    }
    if (outcome instanceof SendOutcome.SenderBanned banned) {
      return OutcomeAction.of(Kind.BAN_SENDER, banned.reason());
    }
    if (outcome instanceof SendOutcome.SenderLimited limited) {
      return banOnPeerFlood
          ? OutcomeAction.of(Kind.BAN_SENDER, limited.reason())
          : new OutcomeAction(Kind.COOL_DOWN_SENDER, peerFloodCoolDown, limited.reason());
    }
    if (outcome instanceof SendOutcome.Unauthorized unauthorized) {
      return OutcomeAction.of(Kind.BAN_SENDER, unauthorized.reason());
    }
    return OutcomeAction.of(Kind.SKIP_CHAT, outcome.code());
  }
}

package dev.herald.domain.engine;

import dev.herald.domain.engine.OutcomeAction.Kind;
import dev.herald.domain.telegram.SendOutcome;
import java.time.Duration;

/**
 * SPEC rules 8 and 9 as a function: flood wait and slow mode cool the sender down for the time
 * Telegram asked (slow mode is per chat, but a sender waiting on one chat's slow mode would block
 * its whole share, so it skips that chat instead); bans and revocations ban the session; {@code
 * PEER_FLOOD} bans or cools down as configured; chat failures skip the chat. Rule 14: only
 * Telegram's explicit answers ban ({@link SendOutcome.SenderBanned}, and {@code PEER_FLOOD} when so
 * configured); a sender that cannot send from here or is not logged in is parked, never banned. A
 * post Telegram refuses whatever the chat is dropped for the rest of its cycle.
 *
 * <p>Why a {@code NEEDS_LOGIN} session is replaced and an {@code UNAVAILABLE} one is not: a session
 * that waits for a login needs a human, which can take days, so the bot should not post with one
 * sender less meanwhile; it leaves its account (freeing its slot) and the admin's new login returns
 * it to the pool. An unavailable session is a passing state (starting, open on another node):
 * replacing it would move the account's sessions around at every restart and drain the pool, so it
 * keeps its place and is tried again after {@link #UNAVAILABLE_BACK_OFF}.
 */
public final class OutcomePolicy {

  /**
   * How long a session Telegram spam-limited ({@code PEER_FLOOD}) sits out by default, in seconds:
   * a day, the shortest limit Telegram gives; a session tried again sooner is only refused again
   * while its account stays limited (a String for the configuration default).
   */
  public static final String PEER_FLOOD_COOL_DOWN_SECONDS = "86400";

  /** How long an unavailable session sits out before the engine tries it again. */
  public static final Duration UNAVAILABLE_BACK_OFF = Duration.ofSeconds(30);

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
    if (outcome instanceof SendOutcome.SenderUnavailable unavailable) {
      return new OutcomeAction(
          Kind.PARK_UNAVAILABLE,
          UNAVAILABLE_BACK_OFF,
          "SENDER_UNAVAILABLE: " + unavailable.reason());
    }
    if (outcome instanceof SendOutcome.SenderNeedsLogin needsLogin) {
      return OutcomeAction.of(Kind.PARK_NEEDS_LOGIN, "SENDER_NEEDS_LOGIN: " + needsLogin.reason());
    }
    if (outcome instanceof SendOutcome.PostRejected rejected) {
      return OutcomeAction.of(Kind.DROP_POST, rejected.reason());
    }
    // A Bot API 401 (bad token of a tenant's user bot): the engine marks the bot idle, it bans no
    // pooled session; no transport answers Unauthorized for a session.
    if (outcome instanceof SendOutcome.Unauthorized unauthorized) {
      return OutcomeAction.of(Kind.BAN_SENDER, unauthorized.reason());
    }
    return OutcomeAction.of(Kind.SKIP_CHAT, outcome.code());
  }
}

package dev.herald.domain.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.engine.OutcomeAction;
import dev.herald.domain.engine.OutcomePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The stored outcome codes are what delivery_record rows already hold: they never change. */
class SendOutcomeCodesTest {

  /** One of each case. */
  private static final List<SendOutcome> ALL =
      List.of(
          new SendOutcome.Delivered(1),
          new SendOutcome.FloodWait(Duration.ofSeconds(1)),
          new SendOutcome.SlowMode(Duration.ofSeconds(1)),
          new SendOutcome.SenderBanned("x"),
          new SendOutcome.SenderLimited("x"),
          new SendOutcome.ChatForbidden("x"),
          new SendOutcome.ChatNotFound("x"),
          new SendOutcome.TopicUnavailable("x"),
          new SendOutcome.SenderUnavailable("x"),
          new SendOutcome.SenderNeedsLogin("x"),
          new SendOutcome.Unauthorized("x"),
          new SendOutcome.PostRejected("x"),
          new SendOutcome.TransientError("x"));

  @Test
  void everyOutcomeKeepsItsStoredCode() {
    assertEquals(
        SendOutcome.class.getPermittedSubclasses().length, ALL.size(), "every case is listed");
    Map<String, String> codes =
        ALL.stream()
            .collect(Collectors.toMap(o -> o.getClass().getSimpleName(), SendOutcome::code));
    assertEquals(
        Map.ofEntries(
            Map.entry("Delivered", "DELIVERED"),
            Map.entry("FloodWait", "FLOOD_WAIT"),
            Map.entry("SlowMode", "SLOW_MODE"),
            Map.entry("SenderBanned", "SENDER_BANNED"),
            Map.entry("SenderLimited", "SENDER_LIMITED"),
            Map.entry("ChatForbidden", "CHAT_FORBIDDEN"),
            Map.entry("ChatNotFound", "CHAT_NOT_FOUND"),
            Map.entry("TopicUnavailable", "TOPIC_UNAVAILABLE"),
            Map.entry("SenderUnavailable", "SENDER_UNAVAILABLE"),
            Map.entry("SenderNeedsLogin", "SENDER_NEEDS_LOGIN"),
            Map.entry("Unauthorized", "UNAUTHORIZED"),
            Map.entry("PostRejected", "POST_REJECTED"),
            Map.entry("TransientError", "TRANSIENT_ERROR")),
        codes);
    assertEquals(
        java.util.Set.copyOf(codes.values()),
        java.util.Set.copyOf(SendOutcome.CODES),
        "the list of codes");
    assertEquals(SendOutcome.CODES.size(), codes.size());
  }

  /**
   * The ledger reopens a record for another sender only where Telegram refused the sender, not the
   * chat nor the post: exactly the outcomes that cool down or ban the sender, whichever way {@code
   * PEER_FLOOD} is configured (a park may follow a message TDLib had taken).
   */
  @Test
  void theSenderRefusalsAreTheOutcomesThatCoolDownOrBanTheSender() {
    Set<OutcomeAction.Kind> senderGone =
        Set.of(OutcomeAction.Kind.COOL_DOWN_SENDER, OutcomeAction.Kind.BAN_SENDER);
    for (boolean banOnPeerFlood : List.of(true, false)) {
      OutcomePolicy policy = new OutcomePolicy(banOnPeerFlood, Duration.ofHours(1));
      Set<String> refusals =
          ALL.stream()
              .filter(o -> senderGone.contains(policy.decide(o).kind()))
              .map(SendOutcome::code)
              .collect(Collectors.toSet());
      assertEquals(Set.copyOf(SendOutcome.SENDER_REFUSALS), refusals);
    }
  }

  /**
   * Another sender may post the chat in the cycle after Telegram refused the sender, or after a
   * park answered before the message reached TDLib; never after a park that may come after it, nor
   * after an outcome about the chat or the post.
   */
  @Test
  void anotherSenderMayRetryOnlyWhatWasNeverSent() {
    Set<String> retryable =
        ALL.stream()
            .filter(SendOutcome::retryableByAnotherSender)
            .map(SendOutcome::code)
            .collect(Collectors.toSet());
    assertEquals(Set.copyOf(SendOutcome.SENDER_REFUSALS), retryable, "a plain park may have sent");
    Set<String> answeredBefore =
        ALL.stream()
            .map(SendOutcome::answeredBeforeSending)
            .filter(SendOutcome::retryableByAnotherSender)
            .map(SendOutcome::code)
            .collect(Collectors.toSet());
    Set<String> expected = new java.util.HashSet<>(SendOutcome.SENDER_REFUSALS);
    expected.addAll(Set.of("SENDER_UNAVAILABLE", "SENDER_NEEDS_LOGIN"));
    assertEquals(expected, answeredBefore, "a park answered before sending sent nothing");
    assertEquals(
        new SendOutcome.SenderUnavailable("not open here", true),
        SendOutcome.SenderUnavailable.beforeSending("not open here"));
    assertEquals(
        "SENDER_UNAVAILABLE",
        SendOutcome.SenderUnavailable.beforeSending("x").code(),
        "the stored code stays the park's");
  }

  /** What a record and the tenant read: the words, never the record's Java form. */
  @Test
  void eachOutcomeSaysWhatHappenedInWords() {
    assertEquals(
        "Telegram asked to wait 90 s before the next send (flood wait)",
        new SendOutcome.FloodWait(Duration.ofSeconds(90)).detail());
    assertEquals(
        "slow mode: this chat takes the next message in 30 s",
        new SendOutcome.SlowMode(Duration.ofSeconds(30)).detail());
    assertEquals(
        "CHAT_WRITE_FORBIDDEN", new SendOutcome.ChatForbidden("CHAT_WRITE_FORBIDDEN").detail());
    assertEquals(
        "Telegram refused the post: MESSAGE_TOO_LONG",
        new SendOutcome.PostRejected("Telegram refused the post: MESSAGE_TOO_LONG").detail());
  }
}

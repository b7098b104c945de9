package dev.herald.domain.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The stored outcome codes are what delivery_record rows already hold: they never change. */
class SendOutcomeCodesTest {

  @Test
  void everyOutcomeKeepsItsStoredCode() {
    List<SendOutcome> all =
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
    assertEquals(
        SendOutcome.class.getPermittedSubclasses().length, all.size(), "every case is listed");
    Map<String, String> codes =
        all.stream()
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

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
            new SendOutcome.Unauthorized("x"),
            new SendOutcome.TransientError("x"));
    assertEquals(
        SendOutcome.class.getPermittedSubclasses().length, all.size(), "every case is listed");
    Map<String, String> codes =
        all.stream()
            .collect(Collectors.toMap(o -> o.getClass().getSimpleName(), SendOutcome::code));
    assertEquals(
        Map.of(
            "Delivered", "DELIVERED",
            "FloodWait", "FLOOD_WAIT",
            "SlowMode", "SLOW_MODE",
            "SenderBanned", "SENDER_BANNED",
            "SenderLimited", "SENDER_LIMITED",
            "ChatForbidden", "CHAT_FORBIDDEN",
            "ChatNotFound", "CHAT_NOT_FOUND",
            "Unauthorized", "UNAUTHORIZED",
            "TransientError", "TRANSIENT_ERROR"),
        codes);
  }
}

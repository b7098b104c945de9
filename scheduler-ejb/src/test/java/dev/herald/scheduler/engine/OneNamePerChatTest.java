package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.targets.TargetMembership;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Sender;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class OneNamePerChatTest {

  private static final long MARKET = -1001234567890L;
  private static final Predicate<ChatReference> ANY = chat -> true;

  /** A sender's record of {@code chat}, resolved to {@code chatId} (0: not resolved). */
  private static ChatTarget record(long senderId, String chat, long chatId) {
    return new ChatTarget(
        new TargetKey(1, Sender.Kind.SESSION, senderId, chat),
        chatId,
        chat,
        TargetMembership.JOINED,
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static List<ChatReference> groups(String... refs) {
    return Arrays.stream(refs).map(ChatReference::parse).toList();
  }

  @Test
  void aChatNamedByUsernameAndByIdIsPostedUnderTheFirstName() {
    List<ChatTarget> known = List.of(record(7, "@market", MARKET));
    assertEquals(
        groups("@market", "@other"),
        OneNamePerChat.of(groups("@market", "@other", String.valueOf(MARKET)), known, ANY));
    assertEquals(
        groups(String.valueOf(MARKET), "@other"),
        OneNamePerChat.of(groups(String.valueOf(MARKET), "@other", "@market"), known, ANY));
  }

  @Test
  void anotherSendersRecordAndAnotherTopicNameTheSameChat() {
    // Session 8 resolved the link; the id names the chat's topic 5: still one chat.
    List<ChatTarget> known =
        List.of(record(8, "https://t.me/+AbCdEfGh1234", MARKET), record(7, "@other", -100777));
    assertEquals(
        groups("https://t.me/+AbCdEfGh1234", "@other"),
        OneNamePerChat.of(
            groups("https://t.me/+AbCdEfGh1234", "@other", MARKET + "/5"), known, ANY));
  }

  @Test
  void aNameNoSenderCanUseGivesWayToOneTheyCan() {
    // Only the tenant's bot posts this cycle, and bots cannot use invite links.
    List<ChatTarget> known = List.of(record(7, "https://t.me/+AbCdEfGh1234", MARKET));
    assertEquals(
        groups(String.valueOf(MARKET)),
        OneNamePerChat.of(
            groups("https://t.me/+AbCdEfGh1234", String.valueOf(MARKET)),
            known,
            chat -> chat.kind() != ChatReference.Kind.INVITE));
  }

  @Test
  void namesNotResolvedYetAndUsernamesAlonePostAsWritten() {
    List<ChatTarget> known =
        List.of(
            record(7, "@market", 0),
            record(7, "@a_market", MARKET),
            record(7, "@b_market", MARKET));
    assertEquals(
        groups("@market", String.valueOf(MARKET)),
        OneNamePerChat.of(groups("@market", String.valueOf(MARKET)), known, ANY));
    assertEquals(
        groups("@a_market", "@b_market"),
        OneNamePerChat.of(groups("@a_market", "@b_market"), known, ANY));
  }
}

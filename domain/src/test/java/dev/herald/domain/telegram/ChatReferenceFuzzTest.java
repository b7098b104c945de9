package dev.herald.domain.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.herald.domain.shared.ParsedInput;
import java.util.Optional;

/**
 * Whatever a tenant types as a target group, parsing never throws, and a parsed reference is a
 * fixed point: its canonical form parses back to itself (so stored groups deduplicate stably). Runs
 * on {@code ChatReferenceFuzzTestInputs/} during {@code mvn verify}; {@code JAZZER_FUZZ=1} fuzzes
 * (see SECURITY.md).
 */
class ChatReferenceFuzzTest {

  @FuzzTest
  void parsingIsTotalAndCanonicalFormsAreStable(byte[] input) {
    Optional<ChatReference> parsed =
        ParsedInput.roundTripped(input, ChatReference::tryParse, ChatReference::canonical);
    if (parsed.isEmpty()) {
      return;
    }
    ChatReference reference = parsed.get();
    assertFalse(reference.canonical().isBlank());
    switch (reference.kind()) {
      case USERNAME ->
          assertEquals(reference.canonical(), "@" + reference.username() + topic(reference));
      case CHAT_ID ->
          assertEquals(reference.canonical(), Long.toString(reference.chatId()) + topic(reference));
      case INVITE -> assertEquals(0, reference.canonical().indexOf("https://t.me/+"));
    }
    assertEquals(reference.chat(), ChatReference.parse(reference.chat().canonical()));
    assertEquals(reference.hasTopic(), ChatReference.namesTopic(reference.canonical()));
  }

  private static String topic(ChatReference reference) {
    return reference.hasTopic() ? "/" + reference.topic() : "";
  }
}

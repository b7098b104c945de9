package dev.herald.domain.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A forward source is whatever a tenant pastes: parsing never throws, and a parsed link prints as a
 * link that parses back to the same message. Inputs: {@code MessageLinkFuzzTestInputs/}.
 */
class MessageLinkFuzzTest {

  @FuzzTest
  void parsingIsTotalAndLinksRoundTrip(byte[] input) {
    String raw = new String(input, StandardCharsets.UTF_8);
    Optional<MessageLink> parsed = MessageLink.tryParse(raw);
    if (parsed.isEmpty()) {
      return;
    }
    MessageLink link = parsed.get();
    assertTrue(link.messageId() > 0);
    assertEquals(Optional.of(link), MessageLink.tryParse(link.toLink()));
  }
}

package dev.herald.domain.telegram;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.herald.domain.shared.ParsedInput;

/**
 * A forward source is whatever a tenant pastes: parsing never throws, and a parsed link prints as a
 * link that parses back to the same message. Inputs: {@code MessageLinkFuzzTestInputs/}.
 */
class MessageLinkFuzzTest {

  @FuzzTest
  void parsingIsTotalAndLinksRoundTrip(byte[] input) {
    ParsedInput.roundTripped(input, MessageLink::tryParse, MessageLink::toLink)
        .ifPresent(link -> assertTrue(link.messageId() > 0));
  }
}

package dev.herald.telegram.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.userbot.UserBotVerification;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxUserBotVerifierTest {

  private static final long ACCOUNT = 7;
  private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ";

  private final SandboxFaults faults = new SandboxFaults(FaultPlan.none(), 42);
  private final SandboxUserBotVerifier verifier =
      new SandboxUserBotVerifier(new SandboxGateway(faults));

  @Test
  void acceptsBotApiShapedTokens() {
    UserBotVerification result = verifier.verify(ACCOUNT, TOKEN, Optional.empty());
    assertTrue(result.verified());
    assertEquals(123456789L, result.botId());
  }

  @Test
  void rejectsOtherTokens() {
    assertFalse(verifier.verify(ACCOUNT, "not-a-token", Optional.empty()).tokenValid());
    assertFalse(verifier.verify(ACCOUNT, "123:short", Optional.empty()).tokenValid());
    assertFalse(verifier.verify(ACCOUNT, null, Optional.empty()).tokenValid());
  }

  @Test
  void testMessageGoesThroughTheSandboxFaults() {
    faults.setForbiddenChats(List.of("@closed_chat"));
    UserBotVerification result =
        verifier.verify(ACCOUNT, TOKEN, Optional.of(ChatReference.parse("@closed_chat")));
    assertTrue(result.tokenValid());
    assertFalse(result.verified());
  }
}

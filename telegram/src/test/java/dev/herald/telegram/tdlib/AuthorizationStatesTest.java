package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationStatesTest {

  private static Optional<LoginStep> step(String json) {
    return AuthorizationStates.step(TdlibJson.parse(json));
  }

  @Test
  void setupStatesAreNotSteps() {
    assertEquals(Optional.empty(), step("{\"@type\":\"authorizationStateWaitTdlibParameters\"}"));
    assertEquals(Optional.empty(), step("{\"@type\":\"authorizationStateWaitPhoneNumber\"}"));
  }

  @Test
  void waitCodeAsksForTheCode() {
    LoginStep step =
        step("{\"@type\":\"authorizationStateWaitCode\",\"code_info\":{\"@type\":"
                 + "\"authenticationCodeInfo\",\"phone_number\":\"447700900123\",\"type\":{\"@type\":"
                 + "\"authenticationCodeTypeTelegramMessage\",\"length\":5},\"timeout\":0}}")
            .orElseThrow();
    assertEquals(LoginStep.Kind.CODE_REQUIRED, step.kind());
    assertTrue(step.detail().contains("TelegramMessage"), step.detail());
    assertTrue(!step.detail().contains("447700900123"), "phone leaked");
  }

  @Test
  void waitPasswordAsksForThePasswordWithHint() {
    LoginStep step =
        step("{\"@type\":\"authorizationStateWaitPassword\",\"password_hint\":\"cat\","
                + "\"has_recovery_email_address\":false,\"has_passport_data\":false,"
                + "\"recovery_email_address_pattern\":\"\"}")
            .orElseThrow();
    assertEquals(LoginStep.Kind.PASSWORD_REQUIRED, step.kind());
    assertTrue(step.detail().contains("hint: cat"));
  }

  @Test
  void readyIsReady() {
    assertEquals(LoginStep.ready(), step("{\"@type\":\"authorizationStateReady\"}").orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "authorizationStateWaitEmailAddress",
        "authorizationStateWaitEmailCode",
        "authorizationStateWaitRegistration",
        "authorizationStateWaitOtherDeviceConfirmation",
        "authorizationStateWaitPremiumPurchase",
        "authorizationStateLoggingOut",
        "authorizationStateClosing",
        "authorizationStateClosed",
        "authorizationStateFromTheFuture"
      })
  void everyOtherStateIsAClearFailure(String type) {
    LoginStep step = step("{\"@type\":\"" + type + "\"}").orElseThrow();
    assertEquals(LoginStep.Kind.FAILED, step.kind());
    assertTrue(step.detail().length() > 20, step.detail());
  }
}

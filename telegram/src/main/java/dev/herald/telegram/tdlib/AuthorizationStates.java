package dev.herald.telegram.tdlib;

import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * What each TDLib authorization state means for the login flow. Every state of the pinned schema is
 * named here; a state a later TDLib adds is reported as unsupported, never waited on.
 */
final class AuthorizationStates {

  static final String WAIT_PARAMETERS = "authorizationStateWaitTdlibParameters";
  static final String WAIT_PHONE = "authorizationStateWaitPhoneNumber";
  static final String WAIT_CODE = "authorizationStateWaitCode";
  static final String WAIT_PASSWORD = "authorizationStateWaitPassword";
  static final String READY = "authorizationStateReady";
  static final String CLOSED = "authorizationStateClosed";

  private AuthorizationStates() {}

  /** Setup states the flow passes through by itself; everything else ends a login step. */
  static boolean isTransient(String type) {
    return WAIT_PARAMETERS.equals(type) || WAIT_PHONE.equals(type);
  }

  /** The login step a state ends with; empty for {@link #isTransient} states. */
  static Optional<LoginStep> step(JsonObject state) {
    String type = TdlibJson.type(state);
    switch (type) {
      case WAIT_PARAMETERS:
      case WAIT_PHONE:
        return Optional.empty();
      case WAIT_CODE:
        return Optional.of(LoginStep.codeRequired(codeSent(TdlibJson.child(state, "code_info"))));
      case WAIT_PASSWORD:
        String hint = state.getString("password_hint", "");
        return Optional.of(
            LoginStep.passwordRequired(
                "Two-step verification password required"
                    + (hint.isEmpty() ? "" : " (hint: " + hint + ")")));
      case READY:
        return Optional.of(LoginStep.ready());
      case "authorizationStateWaitEmailAddress":
        return failed(
            "Telegram asks for a login email address first; log in once with an official app");
      case "authorizationStateWaitEmailCode":
        return failed(
            "Telegram sent the login code by email; Herald accepts codes sent by Telegram or SMS");
      case "authorizationStateWaitRegistration":
        return failed(
            "This phone number has no Telegram account; sign up with an official app first");
      case "authorizationStateWaitOtherDeviceConfirmation":
        return failed(
            "Telegram asks to confirm the login on another device (QR code); not supported");
      case "authorizationStateWaitPremiumPurchase":
        return failed("Telegram requires Telegram Premium to log in this number; not supported");
      case "authorizationStateLoggingOut":
      case "authorizationStateClosing":
      case CLOSED:
        return failed(
            "The session's TDLib client is closed (" + type + "): logged out, revoked or banned");
      default:
        return failed(
            "Unsupported TDLib authorization state " + (type.isEmpty() ? "(none)" : type));
    }
  }

  /**
   * How the code was sent, and how a new one would be ({@code authenticationCodeInfo}: {@code
   * type}, {@code next_type} when there is another way, {@code timeout} seconds before it may be
   * asked).
   */
  private static String codeSent(JsonObject info) {
    String sent = "Telegram sent a login code (" + codeType(info, "type") + ")";
    if (info == null || TdlibJson.child(info, "next_type") == null) {
      return sent;
    }
    int timeout = info.getInt("timeout", 0);
    return sent
        + "; a new code can be sent by "
        + codeType(info, "next_type")
        + (timeout > 0 ? " after " + timeout + " s" : "");
  }

  private static String codeType(JsonObject info, String field) {
    JsonObject type = info == null ? null : TdlibJson.child(info, field);
    return TdlibJson.type(type).replace("authenticationCodeType", "");
  }

  private static Optional<LoginStep> failed(String reason) {
    return Optional.of(LoginStep.failed(reason));
  }
}

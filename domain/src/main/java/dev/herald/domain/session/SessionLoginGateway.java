package dev.herald.domain.session;

/**
 * Drives a session's Telegram login (phone, then code, then 2FA password). Implemented by the TDLib
 * transport; the sandbox logs in at once. Every step is bounded in time.
 */
public interface SessionLoginGateway {

  LoginProgress start(long sessionId, String phone, int apiId, String apiHash);

  LoginProgress submitCode(long sessionId, String code);

  /** Asks Telegram to send the login code again, the next way it offers (SMS, then a call). */
  LoginProgress resendCode(long sessionId);

  LoginProgress submitPassword(long sessionId, String password);

  /** Where a login stands after a step. {@code detail} explains a failure or what to send next. */
  record LoginProgress(Step step, String detail) {

    public enum Step {
      CODE_REQUIRED,
      PASSWORD_REQUIRED,
      READY,
      FAILED
    }

    public static LoginProgress ready() {
      return new LoginProgress(Step.READY, "Logged in.");
    }

    public static LoginProgress failed(String detail) {
      return new LoginProgress(Step.FAILED, detail);
    }
  }
}

package dev.herald.telegram.tdlib;

import dev.herald.domain.session.SessionLoginGateway.LoginProgress;
import java.util.Objects;

/**
 * Where a session's phone login stands after a step, for the admin endpoints: Telegram wants the
 * code, or the 2FA password, or the session is ready, or the login failed for {@code detail}. A
 * wrong code or password answers CODE_REQUIRED / PASSWORD_REQUIRED again with the reason.
 */
public record LoginStep(Kind kind, String detail) {

  public enum Kind {
    CODE_REQUIRED,
    PASSWORD_REQUIRED,
    READY,
    FAILED
  }

  public LoginStep {
    Objects.requireNonNull(kind, "kind");
    detail = detail == null ? "" : detail;
  }

  public static LoginStep codeRequired(String detail) {
    return new LoginStep(Kind.CODE_REQUIRED, detail);
  }

  public static LoginStep passwordRequired(String detail) {
    return new LoginStep(Kind.PASSWORD_REQUIRED, detail);
  }

  public static LoginStep ready() {
    return new LoginStep(Kind.READY, "");
  }

  public static LoginStep failed(String reason) {
    return new LoginStep(Kind.FAILED, reason);
  }

  /** The same step as the domain's {@link LoginProgress} (the two name their kinds alike). */
  public LoginProgress progress() {
    return new LoginProgress(LoginProgress.Step.valueOf(kind.name()), detail);
  }

  /** The step a {@link LoginProgress} names (an answer passed between nodes). */
  static LoginStep of(LoginProgress progress) {
    return new LoginStep(Kind.valueOf(progress.step().name()), progress.detail());
  }
}

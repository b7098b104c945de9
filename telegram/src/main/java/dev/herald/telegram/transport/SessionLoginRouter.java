package dev.herald.telegram.transport;

import dev.herald.domain.session.LoginStepMailbox.Kind;
import dev.herald.domain.session.SessionLoginGateway;
import dev.herald.telegram.config.TelegramSettings;
import dev.herald.telegram.tdlib.ApiPair;
import dev.herald.telegram.tdlib.LoginStep;
import dev.herald.telegram.tdlib.TdlibTransport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Optional;

/**
 * Session logins through the configured sessions' transport: TDLib drives Telegram's real login
 * (phone, code, 2FA password); the sandbox has nothing to log in to, so its sessions are ready at
 * once. A TDLib that cannot load answers FAILED with the reason, never an exception. A step reaches
 * whichever node the load balancer picks and is run by the node that has the login's client ({@link
 * dev.herald.telegram.tdlib.LoginStepRelay}).
 */
@ApplicationScoped
public class SessionLoginRouter implements SessionLoginGateway {

  @Inject TelegramSettings settings;
  @Inject Provider<TdlibTransport> tdlib;

  @Override
  public LoginProgress start(long sessionId, String phone, int apiId, String apiHash) {
    if (sandbox()) {
      return LoginProgress.ready();
    }
    return answer(
        tdlib
            .get()
            .loginSteps()
            .map(steps -> steps.start(sessionId, phone, new ApiPair(apiId, apiHash))));
  }

  @Override
  public LoginProgress submitCode(long sessionId, String code) {
    return step(sessionId, Kind.CODE, code);
  }

  @Override
  public LoginProgress resendCode(long sessionId) {
    return step(sessionId, Kind.RESEND, "");
  }

  @Override
  public LoginProgress submitPassword(long sessionId, String password) {
    return step(sessionId, Kind.PASSWORD, password);
  }

  /** A step, run by whichever node has the login's client. */
  private LoginProgress step(long sessionId, Kind kind, String secret) {
    if (sandbox()) {
      return LoginProgress.ready();
    }
    return answer(tdlib.get().loginSteps().map(steps -> steps.run(sessionId, kind, secret)));
  }

  private boolean sandbox() {
    return !"tdlib".equals(settings.sessionTransport());
  }

  private LoginProgress answer(Optional<LoginStep> result) {
    return result
        .map(LoginStep::progress)
        .orElseGet(
            () ->
                LoginProgress.failed(
                    "TDLib is not available: "
                        + tdlib.get().status().unavailableReason().orElse("unknown")));
  }
}

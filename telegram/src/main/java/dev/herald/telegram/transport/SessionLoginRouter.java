package dev.herald.telegram.transport;

import dev.herald.domain.session.SessionLoginGateway;
import dev.herald.telegram.config.TelegramSettings;
import dev.herald.telegram.tdlib.ApiPair;
import dev.herald.telegram.tdlib.LoginStep;
import dev.herald.telegram.tdlib.TdlibSessions;
import dev.herald.telegram.tdlib.TdlibTransport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Optional;
import java.util.function.Function;

/**
 * Session logins through the configured sessions' transport: TDLib drives Telegram's real login
 * (phone, code, 2FA password); the sandbox has nothing to log in to, so its sessions are ready at
 * once. A TDLib that cannot load answers FAILED with the reason, never an exception.
 */
@ApplicationScoped
public class SessionLoginRouter implements SessionLoginGateway {

  @Inject TelegramSettings settings;
  @Inject Provider<TdlibTransport> tdlib;

  @Override
  public LoginProgress start(long sessionId, String phone, int apiId, String apiHash) {
    return through(sessions -> sessions.startLogin(sessionId, phone, new ApiPair(apiId, apiHash)));
  }

  @Override
  public LoginProgress submitCode(long sessionId, String code) {
    return through(sessions -> sessions.submitCode(sessionId, code));
  }

  @Override
  public LoginProgress resendCode(long sessionId) {
    return through(sessions -> sessions.resendCode(sessionId));
  }

  @Override
  public LoginProgress submitPassword(long sessionId, String password) {
    return through(sessions -> sessions.submitPassword(sessionId, password));
  }

  private LoginProgress through(Function<TdlibSessions, LoginStep> step) {
    if (!"tdlib".equals(settings.sessionTransport())) {
      return LoginProgress.ready();
    }
    TdlibTransport transport = tdlib.get();
    Optional<TdlibSessions> sessions = transport.sessions();
    if (sessions.isEmpty()) {
      return LoginProgress.failed(
          "TDLib is not available: " + transport.status().unavailableReason().orElse("unknown"));
    }
    LoginStep result = step.apply(sessions.get());
    return new LoginProgress(LoginProgress.Step.valueOf(result.kind().name()), result.detail());
  }
}

package dev.herald.domain.session;

import dev.herald.domain.shared.crypto.DataCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The proxy a session connects through, its secret decrypted, for the transport that opens the
 * session: the session's own proxy, else its API pair's, else none (a direct connection).
 */
@ApplicationScoped
public class SessionProxies {

  @Inject SessionRepository sessions;
  @Inject DataCipher cipher;

  @Transactional
  public Optional<ProxySettings> of(long sessionId) {
    return sessions.findById(sessionId).flatMap(this::effective);
  }

  private Optional<ProxySettings> effective(TelegramSession session) {
    return session
        .proxy()
        .or(() -> sessions.findApiPair(session.apiPairId()).flatMap(ApiPair::proxy))
        .map(this::open);
  }

  private ProxySettings open(SessionProxy proxy) {
    return new ProxySettings(
        proxy.type(),
        proxy.server(),
        proxy.port(),
        proxy.username().orElse(""),
        proxy.secretEncrypted().map(cipher::decrypt).orElse(""));
  }

  /**
   * A proxy ready to hand to TDLib: the user name and secret empty when it has none. The secret
   * never appears in {@link #toString()}.
   */
  public record ProxySettings(
      ProxyType type, String server, int port, String username, String secret) {

    /** Type, server and port: what a reason shown to admins may say about the proxy. */
    public String describe() {
      return type + " proxy " + server + ":" + port;
    }

    @Override
    public String toString() {
      return "ProxySettings[" + describe() + "]";
    }
  }
}

package dev.herald.domain.session;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Optional;

/**
 * A proxy a session connects through, set on the session or on its API pair (the session's own
 * wins, {@link SessionProxies}). Its password or MTProto secret is sealed with the data key like
 * API hashes and never leaves the server but to TDLib. Built only by {@link ProxyRules#seal}.
 */
@Embeddable
public class SessionProxy {

  @Enumerated(EnumType.STRING)
  @Column(name = "proxy_type", length = 8)
  private ProxyType type;

  @Column(name = "proxy_server", length = 253)
  private String server;

  @Column(name = "proxy_port")
  private Integer port;

  @Column(name = "proxy_username", length = 255)
  private String username;

  @Column(name = "proxy_secret_encrypted", length = 1024)
  private String secretEncrypted;

  protected SessionProxy() {}

  SessionProxy(ProxyType type, String server, int port, String username, String secretEncrypted) {
    this.type = type;
    this.server = server;
    this.port = port;
    this.username = username;
    this.secretEncrypted = secretEncrypted;
  }

  /** JPA leaves an all-null embeddable as an empty object on some providers: that is no proxy. */
  static Optional<SessionProxy> present(SessionProxy proxy) {
    return proxy == null || proxy.type == null ? Optional.empty() : Optional.of(proxy);
  }

  public ProxyType type() {
    return type;
  }

  public String server() {
    return server;
  }

  public int port() {
    return port;
  }

  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  public boolean hasSecret() {
    return secretEncrypted != null;
  }

  public Optional<String> secretEncrypted() {
    return Optional.ofNullable(secretEncrypted);
  }

  /** What admins and logs may read: type, server and port, never the secret. */
  public String describe() {
    return type + " proxy " + server + ":" + port;
  }
}

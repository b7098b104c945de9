package dev.herald.domain.session;

import dev.herald.domain.audit.Actor;
import dev.herald.domain.audit.AuditAction;
import dev.herald.domain.audit.AuditLog;
import dev.herald.domain.session.SessionPoolService.ApiPairUsage;
import dev.herald.domain.shared.NotFoundException;
import dev.herald.domain.shared.crypto.DataCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * The admin sets or clears the proxy of a session or of an API pair (a session's own wins, {@link
 * SessionProxies}). Each change is audited with the proxy's type, server, port and whether it has a
 * secret, never the secret itself. A session's client picks the change up when it next opens.
 */
@ApplicationScoped
@Transactional
public class SessionProxyService {

  @Inject SessionRepository sessions;
  @Inject DataCipher cipher;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public TelegramSession setOnSession(Actor actor, long sessionId, ProxyRules.Input input) {
    SessionProxy proxy = ProxyRules.seal(input, cipher);
    TelegramSession session = session(sessionId);
    session.useProxy(proxy, clock.instant());
    audit.record(actor, AuditAction.SESSION_PROXY_SET, "session", sessionId, details(proxy));
    return session;
  }

  public TelegramSession clearOnSession(Actor actor, long sessionId) {
    TelegramSession session = session(sessionId);
    session.useProxy(null, clock.instant());
    audit.record(actor, AuditAction.SESSION_PROXY_CLEARED, "session", sessionId, null);
    return session;
  }

  public ApiPairUsage setOnApiPair(Actor actor, long apiPairId, ProxyRules.Input input) {
    SessionProxy proxy = ProxyRules.seal(input, cipher);
    ApiPair pair = apiPair(apiPairId);
    pair.useProxy(proxy);
    audit.record(actor, AuditAction.API_PAIR_PROXY_SET, "api_pair", apiPairId, details(proxy));
    return new ApiPairUsage(pair, sessions.inUse(apiPairId));
  }

  public ApiPairUsage clearOnApiPair(Actor actor, long apiPairId) {
    ApiPair pair = apiPair(apiPairId);
    pair.useProxy(null);
    audit.record(actor, AuditAction.API_PAIR_PROXY_CLEARED, "api_pair", apiPairId, null);
    return new ApiPairUsage(pair, sessions.inUse(apiPairId));
  }

  private static String details(SessionProxy proxy) {
    return "type="
        + proxy.type()
        + " server="
        + proxy.server()
        + " port="
        + proxy.port()
        + proxy.username().map(name -> " username=" + name).orElse("")
        + " has_secret="
        + proxy.hasSecret();
  }

  private TelegramSession session(long id) {
    return sessions.findById(id).orElseThrow(() -> new NotFoundException("No such session."));
  }

  private ApiPair apiPair(long id) {
    return sessions.findApiPair(id).orElseThrow(() -> new NotFoundException("No such API pair."));
  }
}

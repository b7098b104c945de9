package dev.herald.api.session;

import dev.herald.domain.session.SessionProxy;
import java.util.Optional;

/** A proxy as admins see it: whether it has a secret, never the secret. */
public record ProxyView(String type, String server, int port, String username, boolean hasSecret) {

  static ProxyView of(Optional<SessionProxy> proxy) {
    return proxy
        .map(
            p ->
                new ProxyView(
                    p.type().name(),
                    p.server(),
                    p.port(),
                    p.username().orElse(null),
                    p.hasSecret()))
        .orElse(null);
  }
}

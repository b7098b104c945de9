package dev.herald.api.session;

import dev.herald.domain.session.ProxyRules;

/**
 * {@code PUT .../proxy}: the whole proxy (a PUT replaces the previous one, secret included). {@code
 * secret} is the SOCKS5/HTTP password or the MTProto secret; it is never shown again. The rules are
 * {@link ProxyRules}'.
 */
public record ProxyRequest(
    String type, String server, Integer port, String username, String secret) {

  ProxyRules.Input input() {
    return new ProxyRules.Input(type, server, port, username, secret);
  }

  @Override
  public String toString() {
    return input().toString();
  }
}

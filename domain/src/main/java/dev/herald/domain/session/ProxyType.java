package dev.herald.domain.session;

/** The kinds of proxy TDLib can connect a session through ({@code proxyType*} in TDLib's API). */
public enum ProxyType {
  SOCKS5,
  /** An HTTP proxy that tunnels with {@code CONNECT} (TDLib needs TCP, not plain HTTP requests). */
  HTTP,
  /** Telegram's own MTProto proxy: no user name, a hexadecimal secret. */
  MTPROTO
}

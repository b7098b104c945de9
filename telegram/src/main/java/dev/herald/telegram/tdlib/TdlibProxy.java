package dev.herald.telegram.tdlib;

import dev.herald.domain.session.SessionProxies.ProxySettings;
import dev.herald.telegram.async.AsyncFailures;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A session's proxy in its TDLib client. {@link #apply} sends {@code addProxy} (enabled) as the
 * client's first request: TDLib 1.8.67 accepts it before {@code setTdlibParameters} and answers it
 * once it has them, so the client never opens a connection without it. Then {@code testProxy}
 * checks the proxy reaches Telegram. Until that test passes, {@link #failure} answers why not, and
 * the session's sends are held back (the caller makes the session unavailable, never banned, and
 * never lets it post through a direct connection). A session without a proxy gets {@code
 * disableProxy}: a proxy an admin cleared may still be enabled in the session's TDLib database.
 *
 * <p>Shapes (td_api.tl of 1.8.67, checked against the real library in {@code TdlibProxyIT}): {@code
 * addProxy proxy:proxy enable:Bool comment:string}, {@code proxy server:string port:int32
 * type:ProxyType}, {@code testProxy proxy:proxy dc_id:int32 timeout:double}.
 */
final class TdlibProxy {

  /** A main data centre to test against; any DC proves the proxy reaches Telegram. */
  private static final int TEST_DC = 2;

  private static final int MAX_REASON = 170;

  private final TdlibSessionClient client;
  private final Optional<ProxySettings> settings;
  private CompletableFuture<Optional<String>> check =
      CompletableFuture.completedFuture(Optional.empty());

  /** Whether {@link #failure} has handed out {@link #check}: only then is its failure re-tested. */
  private boolean handedOut;

  TdlibProxy(TdlibSessionClient client, Optional<ProxySettings> settings) {
    this.client = client;
    this.settings = settings;
  }

  /** Sends the proxy to TDLib (or disables any old one) and starts its test. */
  synchronized void apply() {
    if (settings.isEmpty()) {
      client.request(TdlibJson.object("disableProxy").build()).exceptionally(failed -> null);
      return;
    }
    ProxySettings proxy = settings.get();
    handedOut = false;
    check =
        client
            .request(
                TdlibJson.object("addProxy")
                    .add("proxy", proxy(proxy))
                    .add("enable", true)
                    .add("comment", "herald")
                    .build())
            .handle((added, refused) -> refused)
            .thenCompose(
                refused ->
                    refused == null
                        ? test(proxy)
                        : CompletableFuture.completedFuture(
                            Optional.of(reason(proxy, "refused by TDLib", refused))));
  }

  /**
   * Empty once the proxy passed its test (or there is none); else why the session cannot send
   * through it. A failed check is run again on the next call, so a proxy that comes back is used.
   */
  synchronized CompletableFuture<Optional<String>> failure() {
    // Only a failure already handed out is tested again: the first caller must see the check's
    // own answer (a secret TDLib refused), even when that answer came before it asked. Without a
    // proxy the check is an empty answer and never fails.
    if (handedOut && check.isDone() && check.getNow(Optional.empty()).isPresent()) {
      check = test(settings.orElseThrow());
    }
    handedOut = true;
    return check;
  }

  private CompletableFuture<Optional<String>> test(ProxySettings proxy) {
    double seconds = Math.max(1, client.requestTimeout().toMillis() * 0.8 / 1000.0);
    return client
        .request(
            TdlibJson.object("testProxy")
                .add("proxy", proxy(proxy))
                .add("dc_id", TEST_DC)
                .add("timeout", seconds)
                .build())
        .handle(
            (ok, failed) ->
                failed == null
                    ? Optional.<String>empty()
                    : Optional.of(reason(proxy, "failed its test", failed)));
  }

  private static JsonObjectBuilder proxy(ProxySettings proxy) {
    return TdlibJson.object("proxy")
        .add("server", proxy.server())
        .add("port", proxy.port())
        .add("type", type(proxy));
  }

  private static JsonObject type(ProxySettings proxy) {
    return switch (proxy.type()) {
      case SOCKS5 ->
          TdlibJson.object("proxyTypeSocks5")
              .add("username", proxy.username())
              .add("password", proxy.secret())
              .build();
      case HTTP ->
          TdlibJson.object("proxyTypeHttp")
              .add("username", proxy.username())
              .add("password", proxy.secret())
              .add("http_only", false) // CONNECT tunnels: TDLib needs TCP
              .build();
      case MTPROTO -> TdlibJson.object("proxyTypeMtproto").add("secret", proxy.secret()).build();
    };
  }

  /** Names the proxy (type, server, port; never its secret) and what TDLib said. */
  private static String reason(ProxySettings proxy, String what, Throwable failure) {
    Throwable cause = AsyncFailures.cause(failure);
    String said =
        cause instanceof TdlibException tdlib
            ? tdlib.tdlibMessage()
            : cause.getClass().getSimpleName();
    String reason = "PROXY_FAILED: " + proxy.describe() + " " + what + " (" + said + ")";
    // The engine stores it after "SENDER_UNAVAILABLE: " in a 200-character state_reason.
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 3) + "...";
  }
}

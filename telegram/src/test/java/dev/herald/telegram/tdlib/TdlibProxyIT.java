package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.session.ProxyType;
import dev.herald.domain.session.SessionProxies.ProxySettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TdlibProxy}'s requests against the real libtdjson, offline: TDLib takes {@code addProxy}
 * before its parameters and still reaches the phone-number step, its {@code testProxy} of a closed
 * port fails with TDLib's own words, and an MTProto secret it refuses is reported as the proxy's.
 */
class TdlibProxyIT {

  private static final ApiPair API = new ApiPair(12345, "0123456789abcdef0123456789abcdef");
  private static final Map<Long, ProxySettings> PROXIES = new ConcurrentHashMap<>();

  /** One for the whole class: TDLib allows one receive loop per process. */
  private static TdlibSessions sessions;

  @BeforeAll
  static void load() throws Exception {
    TdlibLibrary library = TdlibLibrary.load(Optional.of(RealTdlib.pathOrSkip()), 1);
    sessions =
        new TdlibSessions(
                library,
                TestTdlibConfig.of(
                    Files.createTempDirectory("herald-tdlib-proxy-it"), Duration.ofSeconds(5)),
                "integration-test-key-material-32".getBytes(),
                Thread::new,
                Clock.systemUTC())
            .useProxies(id -> Optional.ofNullable(PROXIES.get(id)));
  }

  @AfterAll
  static void close() {
    if (sessions != null) {
      sessions.close();
    }
  }

  @Test
  void aProxyOnAClosedPortFailsItsTestAndTheLoginNamesIt() throws Exception {
    int closedPort = closedPort();
    PROXIES.put(201L, new ProxySettings(ProxyType.SOCKS5, "127.0.0.1", closedPort, "u", "pw"));

    LoginStep step = sessions.startLogin(201, "+447700900123", API);

    assertEquals(LoginStep.Kind.FAILED, step.kind(), step.detail());
    assertEquals(
        "PROXY_FAILED: SOCKS5 proxy 127.0.0.1:"
            + closedPort
            + " failed its test (Connection refused)",
        step.detail());
    TdlibSessionClient client = sessions.find(201).orElseThrow();
    assertTrue(
        client
            .authorization()
            .await(AuthorizationStates.WAIT_PHONE::equals, Duration.ofSeconds(20))
            .isPresent(),
        "TDLib took addProxy before its parameters and went on: " + client.authorizationState());
  }

  @Test
  void anMtprotoSecretTdlibRefusesIsTheProxysFailure() {
    PROXIES.put(202L, new ProxySettings(ProxyType.MTPROTO, "127.0.0.1", 443, "", "zz"));

    LoginStep step = sessions.startLogin(202, "+447700900123", API);

    assertEquals(
        "PROXY_FAILED: MTPROTO proxy 127.0.0.1:443 refused by TDLib (Wrong proxy secret)",
        step.detail());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

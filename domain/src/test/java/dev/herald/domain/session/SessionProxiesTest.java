package dev.herald.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.session.SessionProxies.ProxySettings;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A session connects through its own proxy, else its API pair's, else directly. */
class SessionProxiesTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final Map<Long, TelegramSession> sessions = new HashMap<>();
  private final Map<Long, ApiPair> pairs = new HashMap<>();
  private final SessionProxies proxies = new SessionProxies();

  SessionProxiesTest() {
    proxies.sessions = new Rows();
    proxies.cipher = ProxyRulesTest.CIPHER;
  }

  @Test
  void aSessionsOwnProxyWinsOverItsApiPairs() {
    pair(1, proxy("SOCKS5", "pair.example", "pair-pass"));
    session(7, 1).useProxy(proxy("HTTP", "own.example", "own-pass"), NOW);

    assertEquals(
        Optional.of(new ProxySettings(ProxyType.HTTP, "own.example", 8080, "u", "own-pass")),
        proxies.of(7));
  }

  @Test
  void aSessionWithoutOneUsesItsApiPairsProxy() {
    pair(1, proxy("SOCKS5", "pair.example", "pair-pass"));
    session(7, 1);

    assertEquals(
        Optional.of(new ProxySettings(ProxyType.SOCKS5, "pair.example", 8080, "u", "pair-pass")),
        proxies.of(7));
  }

  @Test
  void noProxyAnywhereMeansADirectConnection() {
    pair(1, null);
    session(7, 1);

    assertEquals(Optional.empty(), proxies.of(7));
    assertEquals(Optional.empty(), proxies.of(99), "unknown session");
  }

  @Test
  void settingsNeverPrintTheirSecret() {
    String text = new ProxySettings(ProxyType.SOCKS5, "h", 1, "u", "s3cret").toString();
    assertEquals("ProxySettings[SOCKS5 proxy h:1]", text);
  }

  private static SessionProxy proxy(String type, String server, String secret) {
    return ProxyRules.seal(
        new ProxyRules.Input(type, server, 8080, "u", secret), ProxyRulesTest.CIPHER);
  }

  private void pair(long id, SessionProxy proxy) {
    ApiPair pair = new ApiPair(1000 + (int) id, "sealed", 7, NOW);
    PersistedColumns.write(pair, "id", id);
    pair.useProxy(proxy);
    pairs.put(id, pair);
  }

  private TelegramSession session(long id, long pairId) {
    TelegramSession session =
        new TelegramSession(pairId, "+44****12", null, SessionState.UNUSED, NOW);
    PersistedColumns.write(session, "id", id);
    sessions.put(id, session);
    return session;
  }

  /** Only the reads {@link SessionProxies} makes. */
  private final class Rows implements SessionRepository {
    @Override
    public Optional<TelegramSession> findById(long id) {
      return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public Optional<ApiPair> findApiPair(long id) {
      return Optional.ofNullable(pairs.get(id));
    }

    @Override
    public TelegramSession save(TelegramSession session) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TelegramSession reload(TelegramSession session) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<TelegramSession> assignedTo(long accountId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(TelegramSession session) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ApiPair save(ApiPair pair) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ApiPair> findApiPairByApiId(int apiId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long inUse(long apiPairId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> allocate(long accountId, int count) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> keepAtMost(long accountId, int count) {
      throw new UnsupportedOperationException();
    }
  }
}

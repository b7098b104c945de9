package dev.herald.telegram.tdlib;

import static dev.herald.telegram.tdlib.FakeTdlibSessions.API;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.PHONE;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.logIn;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.over;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.session.ProxyType;
import dev.herald.domain.session.SessionProxies.ProxySettings;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A session with a proxy: TDLib gets {@code addProxy} (enabled) before its parameters and tests it;
 * a proxy that fails its test makes the session unavailable with a reason naming the proxy (rule
 * 14: never a ban) and nothing is sent directly.
 */
class TdlibProxyTest extends FakeTdlibTest {

  private static final Duration TIMEOUT = Duration.ofMillis(800);
  private static final ChatReference CHAT = ChatReference.parse("@news");

  private final Map<Long, ProxySettings> proxies = new HashMap<>();

  @Override
  TdlibSessions open() throws Exception {
    return over(td, dataDir, TIMEOUT, id -> Optional.of(API))
        .useProxies(id -> Optional.ofNullable(proxies.get(id)));
  }

  @Test
  void theProxyIsAddedEnabledBeforeTheParametersAndTested() {
    proxies.put(1L, new ProxySettings(ProxyType.SOCKS5, "proxy.example", 1080, "alice", "pw"));

    logIn(sessions, 1);

    List<String> order = td.requests.stream().map(TdlibJson::type).toList();
    assertTrue(
        order.indexOf("addProxy") < order.indexOf("setTdlibParameters"),
        "addProxy goes before TDLib can connect: " + order);
    JsonObject added = td.last("addProxy");
    assertTrue(added.getBoolean("enable"));
    JsonObject proxy = added.getJsonObject("proxy");
    assertEquals("proxy.example", proxy.getString("server"));
    assertEquals(1080, proxy.getInt("port"));
    assertEquals("proxyTypeSocks5", TdlibJson.type(proxy.getJsonObject("type")));
    assertEquals("pw", proxy.getJsonObject("type").getString("password"));
    assertEquals(1, td.count("testProxy"));
  }

  @Test
  void httpAndMtprotoProxiesTakeTheirTdlibTypes() {
    proxies.put(1L, new ProxySettings(ProxyType.HTTP, "http.example", 3128, "", ""));
    proxies.put(
        2L, new ProxySettings(ProxyType.MTPROTO, "mt.example", 443, "", "dd" + "0f".repeat(16)));

    logIn(sessions, 1);
    JsonObject http = td.last("addProxy").getJsonObject("proxy").getJsonObject("type");
    logIn(sessions, 2);
    JsonObject mtproto = td.last("addProxy").getJsonObject("proxy").getJsonObject("type");

    assertEquals("proxyTypeHttp", TdlibJson.type(http));
    assertFalse(http.getBoolean("http_only"), "TDLib needs a CONNECT tunnel");
    assertEquals("proxyTypeMtproto", TdlibJson.type(mtproto));
    assertEquals("dd" + "0f".repeat(16), mtproto.getString("secret"));
  }

  @Test
  void aSessionWithoutAProxyDisablesAnyOldOne() {
    logIn(sessions, 1);

    assertEquals(0, td.count("addProxy"));
    assertEquals(1, td.count("disableProxy"), "a proxy an admin cleared stays off");
  }

  @Test
  void aFailingProxyMakesTheSessionUnavailableNamingTheProxyNeverBanned() {
    proxies.put(1L, new ProxySettings(ProxyType.SOCKS5, "proxy.example", 1080, "", ""));
    logIn(sessions, 1);
    sessions.close(1);
    proxies.put(1L, new ProxySettings(ProxyType.SOCKS5, FakeTdJson.DEAD_PROXY, 1080, "", "pw"));

    SendOutcome outcome = sessions.send(1, CHAT, Post.text("hello")).join();

    SendOutcome.SenderUnavailable unavailable =
        assertInstanceOf(SendOutcome.SenderUnavailable.class, outcome);
    assertTrue(unavailable.nothingSent(), "refused before TDLib was given the message");
    assertEquals(
        "PROXY_FAILED: SOCKS5 proxy "
            + FakeTdJson.DEAD_PROXY
            + ":1080 failed its test"
            + " (Connection refused)",
        unavailable.reason());
    assertFalse(unavailable.reason().contains("pw"), "never the secret");
    assertEquals(0, td.count("sendMessage"), "nothing goes out without the proxy");
  }

  @Test
  void aFailedProxyIsTestedAgainOnTheNextSend() {
    proxies.put(1L, new ProxySettings(ProxyType.SOCKS5, FakeTdJson.DEAD_PROXY, 1080, "", ""));
    sessions.send(1, CHAT, Post.text("hello")).join();
    sessions.send(1, CHAT, Post.text("hello")).join();

    assertEquals(2, td.count("testProxy"));
  }

  @Test
  void aLoginThroughAFailingProxyFailsNamingIt() {
    proxies.put(1L, new ProxySettings(ProxyType.HTTP, FakeTdJson.DEAD_PROXY, 8080, "", ""));

    LoginStep step = sessions.startLogin(1, PHONE, API);

    assertEquals(LoginStep.Kind.FAILED, step.kind());
    assertTrue(
        step.detail().contains("HTTP proxy " + FakeTdJson.DEAD_PROXY + ":8080"), step.detail());
    assertEquals(0, td.count("setAuthenticationPhoneNumber"));
  }

  @Test
  void anMtprotoSecretTdlibRefusesIsReportedAsTheProxysFailure() {
    proxies.put(1L, new ProxySettings(ProxyType.MTPROTO, "mt.example", 443, "", "zz"));

    LoginStep step = sessions.startLogin(1, PHONE, API);

    assertTrue(step.detail().contains("refused by TDLib (Wrong proxy secret)"), step.detail());
  }
}

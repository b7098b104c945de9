package dev.herald.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.shared.crypto.DataCipher;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A proxy is stored only when TDLib would accept it, and its secret only sealed. */
class ProxyRulesTest {

  static final DataCipher CIPHER = DataCipher.of(new byte[32]);
  static final String MTPROTO_SECRET = "dd0123456789abcdef0123456789abcdef";

  @Test
  void aSocks5ProxyIsStoredWithItsPasswordSealed() {
    SessionProxy proxy =
        ProxyRules.seal(
            new ProxyRules.Input("socks5", " proxy.example.net ", 1080, "alice", "s3cret"), CIPHER);

    assertEquals(ProxyType.SOCKS5, proxy.type());
    assertEquals("proxy.example.net", proxy.server());
    assertEquals(1080, proxy.port());
    assertEquals(Optional.of("alice"), proxy.username());
    assertTrue(proxy.hasSecret());
    assertNotEquals("s3cret", proxy.secretEncrypted().orElseThrow());
    assertEquals("s3cret", CIPHER.decrypt(proxy.secretEncrypted().orElseThrow()));
  }

  @Test
  void anHttpProxyNeedsNoCredentials() {
    SessionProxy proxy =
        ProxyRules.seal(new ProxyRules.Input("HTTP", "10.0.0.7", 3128, " ", null), CIPHER);

    assertFalse(proxy.hasSecret());
    assertEquals(Optional.empty(), proxy.username());
  }

  @Test
  void anMtprotoProxyTakesAHexSecret() {
    SessionProxy proxy =
        ProxyRules.seal(
            new ProxyRules.Input("MTPROTO", "mt.example.net", 443, null, MTPROTO_SECRET), CIPHER);

    assertEquals(MTPROTO_SECRET, CIPHER.decrypt(proxy.secretEncrypted().orElseThrow()));
  }

  @Test
  void proxyIsRefusedWhenTypeUnknown() {
    assertField("type", new ProxyRules.Input("SOCKS4", "h.example", 1080, null, null));
    assertField("type", new ProxyRules.Input(null, "h.example", 1080, null, null));
  }

  @Test
  void proxyIsRefusedWhenServerIsNoHost() {
    assertField("server", new ProxyRules.Input("SOCKS5", "", 1080, null, null));
    assertField("server", new ProxyRules.Input("SOCKS5", "http://h.example", 1080, null, null));
    assertField("server", new ProxyRules.Input("SOCKS5", "h.example:1080", 1080, null, null));
    assertField("server", new ProxyRules.Input("SOCKS5", "two words", 1080, null, null));
  }

  @Test
  void proxyIsRefusedWhenPortOutOfRange() {
    assertField("port", new ProxyRules.Input("SOCKS5", "h.example", 0, null, null));
    assertField("port", new ProxyRules.Input("SOCKS5", "h.example", 65536, null, null));
    assertField("port", new ProxyRules.Input("SOCKS5", "h.example", null, null, null));
  }

  @Test
  void mtprotoProxyIsRefusedWhenSecretIsNotHex() {
    assertField("secret", new ProxyRules.Input("MTPROTO", "h.example", 443, null, "not-hex!"));
    assertField("secret", new ProxyRules.Input("MTPROTO", "h.example", 443, null, "abcd"));
    assertField("secret", new ProxyRules.Input("MTPROTO", "h.example", 443, null, null));
  }

  @Test
  void mtprotoProxyIsRefusedWithAUserName() {
    assertField(
        "username", new ProxyRules.Input("MTPROTO", "h.example", 443, "bob", MTPROTO_SECRET));
  }

  @Test
  void theInputNeverPrintsItsSecret() {
    assertFalse(
        new ProxyRules.Input("SOCKS5", "h.example", 1, "u", "s3cret")
            .toString()
            .contains("s3cret"));
  }

  private static void assertField(String field, ProxyRules.Input input) {
    InvalidInputException refused =
        assertThrows(InvalidInputException.class, () -> ProxyRules.seal(input, CIPHER));
    assertEquals(field, refused.errors().get(0).field(), input.toString());
  }
}

package dev.herald.api.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

  private static final Set<String> PROXIES = Set.of("10.0.0.2", "10.0.0.3");

  @Test
  void untrustedSocketIsTheClientWhateverItsForwardedForSays() {
    assertEquals("203.0.113.9", ClientAddresses.resolve("203.0.113.9", "1.2.3.4", PROXIES));
    assertEquals("203.0.113.9", ClientAddresses.resolve("203.0.113.9", null, PROXIES));
    assertEquals("203.0.113.9", ClientAddresses.resolve("203.0.113.9", "1.2.3.4", Set.of()));
  }

  @Test
  void throughATrustedProxyTheLastUntrustedHopIsTheClient() {
    assertEquals("198.51.100.7", ClientAddresses.resolve("10.0.0.2", "198.51.100.7", PROXIES));
    assertEquals(
        "198.51.100.7", ClientAddresses.resolve("10.0.0.2", "198.51.100.7, 10.0.0.3", PROXIES));
  }

  @Test
  void spoofedEntriesLeftOfTheRealClientAreIgnored() {
    assertEquals(
        "198.51.100.7",
        ClientAddresses.resolve("10.0.0.2", "6.6.6.6, 7.7.7.7, 198.51.100.7", PROXIES));
  }

  @Test
  void malformedOrAllTrustedHeadersFallBackToTheProxy() {
    assertEquals("10.0.0.2", ClientAddresses.resolve("10.0.0.2", "bogus, 10.0.0.3", PROXIES));
    assertEquals("10.0.0.2", ClientAddresses.resolve("10.0.0.2", "10.0.0.3", PROXIES));
    assertEquals("10.0.0.2", ClientAddresses.resolve("10.0.0.2", " ", PROXIES));
  }

  @Test
  void ipv6SpellingsAreOneClient() {
    assertEquals(ClientAddresses.normalise("::1"), ClientAddresses.normalise("0:0:0:0:0:0:0:1"));
    assertEquals(
        "198.51.100.7",
        ClientAddresses.resolve(
            "0:0:0:0:0:0:0:1", "198.51.100.7", Set.of(ClientAddresses.normalise("::1"))));
  }
}

package dev.herald.api.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who the client is, for rate limits: the socket's remote address, unless that address is a trusted
 * proxy; only then {@code X-Forwarded-For} is read, from the right, skipping trusted proxies, and
 * the first address that is not one is the client. Entries further left were written by the client
 * itself and are never believed, so a spoofed header can neither bypass nor reset a limit.
 */
public final class ClientAddresses {

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private ClientAddresses() {}

  public static String resolve(
      String remoteAddress, String forwardedFor, Set<String> trustedProxies) {
    String remote = normalise(remoteAddress);
    if (!trustedProxies.contains(remote) || forwardedFor == null || forwardedFor.isBlank()) {
      return remote;
    }
    List<String> hops = List.of(forwardedFor.split(","));
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = normalise(hops.get(i));
      if (!IP_LITERAL.matcher(hop).matches()) {
        return remote; // a malformed entry: stop believing the header
      }
      if (!trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return remote;
  }

  /** IP literals in one spelling ({@code ::1} and {@code 0:0:0:0:0:0:0:1} are one client). */
  public static String normalise(String address) {
    String value = address == null ? "" : address.strip();
    if (value.startsWith("[") && value.endsWith("]")) {
      value = value.substring(1, value.length() - 1);
    }
    if (!IP_LITERAL.matcher(value).matches()) {
      return value;
    }
    try {
      // An IP literal is parsed, never looked up in DNS.
      return InetAddress.getByName(value).getHostAddress();
    } catch (UnknownHostException notAnAddress) {
      return value;
    }
  }
}

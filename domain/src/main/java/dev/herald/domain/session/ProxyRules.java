package dev.herald.domain.session;

import dev.herald.domain.shared.Enums;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.shared.crypto.DataCipher;
import java.util.regex.Pattern;

/**
 * What a proxy an admin sets must be: a known type, a host name or IP address, a port TCP has, and
 * for MTProto a hexadecimal secret and no user name (TDLib's {@code proxyTypeMtproto} has none).
 * The checks run before anything is stored, so TDLib never sees a proxy it would refuse ({@code 400
 * Wrong proxy secret}).
 */
public final class ProxyRules {

  /** A DNS name or an IPv4 address; IPv6 in its colon form. No scheme, path or spaces. */
  private static final Pattern SERVER =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|[0-9A-Fa-f:.]{2,45}");

  /**
   * MTProto secrets: 16 bytes in hex, optionally prefixed {@code dd} (random padding) or {@code ee}
   * (fake TLS, followed by the domain in hex).
   */
  private static final Pattern MTPROTO_SECRET = Pattern.compile("([0-9A-Fa-f]{2}){16,255}");

  private static final int MAX_CREDENTIAL = 255;

  private ProxyRules() {}

  /** A proxy as an admin sends it; {@code secret} is the SOCKS5/HTTP password or MTProto secret. */
  public record Input(String type, String server, Integer port, String username, String secret) {
    @Override
    public String toString() {
      return "Input[type=" + type + ", server=" + server + ", port=" + port + "]";
    }
  }

  /** The valid proxy with its secret sealed; an {@link InvalidInputException} names the field. */
  public static SessionProxy seal(Input input, DataCipher cipher) {
    ProxyType type =
        Enums.parse(ProxyType.class, input.type())
            .orElseThrow(
                () -> InvalidInputException.of("type", "type must be SOCKS5, HTTP or MTPROTO."));
    String server = input.server() == null ? "" : input.server().trim();
    if (!SERVER.matcher(server).matches()) {
      throw InvalidInputException.of(
          "server", "server must be a host name or IP address, without scheme or port.");
    }
    if (input.port() == null || input.port() < 1 || input.port() > 65535) {
      throw InvalidInputException.of("port", "port must be between 1 and 65535.");
    }
    String username = blankToNull(input.username());
    String secret = blankToNull(input.secret());
    if (type == ProxyType.MTPROTO) {
      if (username != null) {
        throw InvalidInputException.of("username", "An MTProto proxy has no user name.");
      }
      if (secret == null || !MTPROTO_SECRET.matcher(secret).matches()) {
        throw InvalidInputException.of(
            "secret", "An MTProto proxy needs its secret in hexadecimal (at least 32 digits).");
      }
    } else {
      if (username != null && username.length() > MAX_CREDENTIAL) {
        throw InvalidInputException.of("username", "username must be at most 255 characters.");
      }
      if (secret != null && secret.length() > MAX_CREDENTIAL) {
        throw InvalidInputException.of("secret", "The password must be at most 255 characters.");
      }
    }
    return new SessionProxy(
        type, server, input.port(), username, secret == null ? null : cipher.encrypt(secret));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

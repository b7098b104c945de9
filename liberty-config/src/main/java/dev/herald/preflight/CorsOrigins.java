package dev.herald.preflight;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The browser origins allowed to call the API ({@code HERALD_CORS_ORIGINS}, a comma list of {@code
 * scheme://host[:port]}). The dev profile defaults to a local dashboard; prod has no default and
 * refuses a wildcard, {@code null} or any loopback origin, which would let any page on a user's
 * machine use their token (the seeds shipped exactly that: localhost ports in production).
 */
final class CorsOrigins {

  static final String VARIABLE = "HERALD_CORS_ORIGINS";
  static final String DEV_DEFAULT = "http://localhost:3000";
  private static final Set<String> LOOPBACK =
      Set.of("localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0", "[::]");

  private CorsOrigins() {}

  /** The value to publish as {@code herald.cors.origins}; empty means no origin is allowed. */
  static String resolve(String profile, Map<String, String> env) throws PreflightException {
    String configured = env.getOrDefault(VARIABLE, "").strip();
    if (!"prod".equals(profile)) {
      return configured.isEmpty() ? DEV_DEFAULT : configured;
    }
    List<String> origins = new ArrayList<>();
    for (String raw : configured.split(",")) {
      String origin = raw.strip();
      if (!origin.isEmpty()) {
        origins.add(checkForProduction(origin));
      }
    }
    return String.join(",", origins);
  }

  private static String checkForProduction(String origin) throws PreflightException {
    String fix =
        " Set "
            + VARIABLE
            + " to the dashboard's exact origins, e.g. "
            + VARIABLE
            + "=https://dashboard.example.com (comma-separated).";
    if (origin.contains("*") || origin.equalsIgnoreCase("null")) {
      throw new PreflightException(
          VARIABLE
              + " contains \""
              + origin
              + "\": the prod profile allows no wildcard or null origin."
              + fix);
    }
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      throw new PreflightException(
          VARIABLE + " contains \"" + origin + "\", which is not an origin." + fix);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean bare =
        uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
    if (!(scheme.equals("https") || scheme.equals("http"))
        || host.isEmpty()
        || !bare
        || uri.getRawQuery() != null
        || uri.getRawUserInfo() != null) {
      throw new PreflightException(
          VARIABLE
              + " contains \""
              + origin
              + "\", which is not an origin (scheme://host[:port])."
              + fix);
    }
    if (LOOPBACK.contains(host) || host.endsWith(".localhost") || host.startsWith("127.")) {
      throw new PreflightException(
          VARIABLE
              + " contains \""
              + origin
              + "\": the prod profile allows no localhost origin."
              + fix);
    }
    return origin;
  }
}

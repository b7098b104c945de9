package dev.herald.preflight;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves the profile and its key material. {@code dev} generates what is missing into its data
 * folder; {@code prod} takes everything from the environment and refuses to guess. The profile
 * defaults to {@code prod}, so forgetting to set it can never produce an insecure server.
 */
final class Preflight {

  static final String PROFILE = "HERALD_PROFILE";
  static final String DATA_DIR = "HERALD_DATA_DIR";

  private Preflight() {}

  static Map<String, String> run(Map<String, String> env, Properties system)
      throws PreflightException {
    String profile = env.getOrDefault(PROFILE, system.getProperty("herald.profile", "prod"));
    profile = profile.strip().toLowerCase(Locale.ROOT);
    KeyLocations keys =
        switch (profile) {
          case "dev" -> DevKeyMaterial.ensure(dataDir(env, system));
          case "prod" -> ProductionRequirements.check(env);
          default ->
              throw new PreflightException(
                  PROFILE + "=" + profile + " is not a profile. Use dev or prod.");
        };
    Map<String, String> published = new LinkedHashMap<>();
    published.put("herald.profile", profile);
    // Herald's own files (TDLib session caches, dev keys) live under one absolute folder, whatever
    // Liberty's working directory is.
    published.put("herald.data-dir", dataDir(env, system).toAbsolutePath().toString());
    published.put("herald.jwt.private-key-file", keys.jwtPrivateKey().toString());
    published.put("herald.jwt.public-key-file", keys.jwtPublicKey().toString());
    published.put("herald.data-key-file", keys.dataKey().toString());
    keys.adminPassword().ifPresent(p -> published.put("herald.admin.password-file", p.toString()));
    published.put("herald.cors.origins", CorsOrigins.resolve(profile, env));
    SandboxTransports.check(profile, env, system);
    if (!env.containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION")
        && !env.containsKey("MP_JWT_VERIFY_PUBLICKEY")) {
      published.put("mp.jwt.verify.publickey.location", keys.jwtPublicKey().toUri().toString());
    }
    return published;
  }

  private static Path dataDir(Map<String, String> env, Properties system) {
    String configured = env.get(DATA_DIR);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(system.getProperty("user.dir"), "herald-data");
  }
}

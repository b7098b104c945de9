package dev.herald.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The prod profile posts for real unless the operator says otherwise. Both transports default to
 * the sandbox (it posts nowhere), so a prod server that forgot {@code HERALD_TRANSPORT_SESSIONS} or
 * {@code HERALD_TRANSPORT_USER_BOTS} would report posts as delivered that no one received. It
 * refuses to start on a sandbox transport unless {@code HERALD_ALLOW_DRY_RUN=true}; then every
 * {@code /bot/state} and {@code /health/ready} say it is a dry run. The TDLib model library ({@code
 * HERALD_TDLIB_LIBRARY=model}) posts nowhere either and is refused the same way.
 */
final class SandboxTransports {

  static final String SESSIONS = "HERALD_TRANSPORT_SESSIONS";
  static final String USER_BOTS = "HERALD_TRANSPORT_USER_BOTS";
  static final String ALLOW = "HERALD_ALLOW_DRY_RUN";
  static final String TDLIB_LIBRARY = "HERALD_TDLIB_LIBRARY";

  private SandboxTransports() {}

  /** Nothing for dev; for prod, refuses a sandbox transport without the explicit allowance. */
  static void check(String profile, Map<String, String> env, Properties system)
      throws PreflightException {
    if (!"prod".equals(profile) || allowed(env)) {
      return;
    }
    List<String> sandboxed = new ArrayList<>();
    if (isSandbox(value(env, system, SESSIONS, "herald.transport.sessions"))) {
      sandboxed.add(SESSIONS + " (sessions: set it to tdlib)");
    }
    if ("model"
        .equalsIgnoreCase(
            String.valueOf(value(env, system, TDLIB_LIBRARY, "herald.tdlib.library")).strip())) {
      sandboxed.add(TDLIB_LIBRARY + "=model (sessions: the TDLib model, for tests; unset it)");
    }
    if (isSandbox(value(env, system, USER_BOTS, "herald.transport.user-bots"))) {
      sandboxed.add(USER_BOTS + " (user bots: set it to botapi)");
    }
    if (!sandboxed.isEmpty()) {
      throw new PreflightException(
          "the prod profile would post into the sandbox, where nothing reaches Telegram, through "
              + String.join(" and ", sandboxed)
              + ". Set the transport, or set "
              + ALLOW
              + "=true to run a dry run on purpose (every /bot/state and /health/ready then say"
              + " dry_run).");
    }
  }

  private static boolean allowed(Map<String, String> env) {
    return "true".equals(env.getOrDefault(ALLOW, "").strip().toLowerCase(Locale.ROOT));
  }

  /** Unset counts as the sandbox: it is the application's default. */
  private static boolean isSandbox(String transport) {
    return transport == null
        || transport.isBlank()
        || "sandbox".equals(transport.strip().toLowerCase(Locale.ROOT));
  }

  private static String value(Map<String, String> env, Properties system, String var, String key) {
    String fromEnv = env.get(var);
    return fromEnv != null ? fromEnv : system.getProperty(key);
  }
}

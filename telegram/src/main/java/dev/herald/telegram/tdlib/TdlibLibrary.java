package dev.herald.telegram.tdlib;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.herald.telegram.model.TelegramLimits;
import dev.herald.telegram.model.TelegramWorld;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads {@code libtdjson} from a configured path. Loading never throws: a missing or broken library
 * leaves the server running with the TDLib transport DOWN and the reason in {@link #status()}, for
 * the readiness check.
 */
public final class TdlibLibrary {

  private static final Logger LOG = Logger.getLogger(TdlibLibrary.class.getName());

  private final TdJson binding;
  private final TdlibStatus status;

  private TdlibLibrary(TdJson binding, TdlibStatus status) {
    this.binding = binding;
    this.status = status;
  }

  /** {@code logVerbosity}: TDLib's own log level (0 fatal only, 1 errors, 2 warnings, ...). */
  public static TdlibLibrary load(Optional<String> configuredPath, int logVerbosity) {
    if (configuredPath.isEmpty() || configuredPath.get().isBlank()) {
      return unavailable("", "herald.tdlib.library-path is not set");
    }
    String path = configuredPath.get().strip();
    if (!Files.isRegularFile(Path.of(path))) {
      return unavailable(
          path, "TDLib library not found at " + path + " (run telegram/fetch-tdlib.sh)");
    }
    try {
      TdJson binding =
          Native.load(path, TdJson.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
      execute(
          binding,
          TdlibJson.object("setLogVerbosityLevel")
              .add("new_verbosity_level", logVerbosity)
              .build());
      JsonObject version =
          execute(binding, TdlibJson.object("getOption").add("name", "version").build());
      String text = version.getString("value", "unknown");
      LOG.log(Level.INFO, "Loaded TDLib {0} from {1}", new Object[] {text, path});
      return new TdlibLibrary(binding, TdlibStatus.up(path, text));
    } catch (LinkageError | RuntimeException broken) {
      return unavailable(path, "TDLib library at " + path + " could not be loaded: " + broken);
    }
  }

  /**
   * The model library ({@link ModelTdJson}) instead of libtdjson, for dev and system tests: every
   * client's open, close and send goes to {@code record} when set.
   */
  public static TdlibLibrary model(Clock clock, Optional<Path> record) {
    LOG.warning("TDLib is the model (herald.tdlib.library=model): nothing reaches Telegram");
    return model(new TelegramWorld(clock, TelegramLimits.unlimited()), record);
  }

  /** The model library on {@code world} (tests give it Telegram's limits and their own clock). */
  static TdlibLibrary model(TelegramWorld world, Optional<Path> record) {
    return model(new ModelTdJson(world, new ClientRecord(record)));
  }

  /** The model library {@code td} (a test that cuts its network to Telegram keeps it). */
  static TdlibLibrary model(ModelTdJson td) {
    return new TdlibLibrary(td, TdlibStatus.up("model", ModelTdJson.VERSION + " (model)"));
  }

  private static TdlibLibrary unavailable(String path, String reason) {
    LOG.log(Level.WARNING, "TDLib transport unavailable: {0}", reason);
    return new TdlibLibrary(null, TdlibStatus.down(path, reason));
  }

  private static JsonObject execute(TdJson binding, JsonObject request) {
    String answer = binding.td_execute(request.toString());
    if (answer == null) {
      throw new IllegalStateException("td_execute answered nothing to " + TdlibJson.type(request));
    }
    return TdlibJson.parse(answer);
  }

  public TdlibStatus status() {
    return status;
  }

  public Optional<TdJson> binding() {
    return Optional.ofNullable(binding);
  }

  /** Runs a synchronous TDLib method; an {@code error} answer is returned, not thrown. */
  public JsonObject execute(JsonObject request) {
    return execute(
        binding().orElseThrow(() -> new IllegalStateException(status.detail())), request);
  }
}

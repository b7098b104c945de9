package dev.herald.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * {@code ./herald run}: PostgreSQL from Maven artifacts, then Liberty with the EAR in the dev
 * profile, both with their data under {@code .herald/} in the project, kept across restarts. Ctrl-C
 * (or {@code ./herald stop}) stops Liberty, then PostgreSQL.
 */
public final class DevLauncher {

  private static final int HTTP_PORT = Integer.getInteger("herald.http.port", 9080);
  private static final int DB_PORT = Integer.getInteger("herald.db.port", 15432);

  private DevLauncher() {}

  public static void main(String[] args) throws Exception {
    Path work =
        Path.of(System.getProperty("herald.work.dir", ".herald")).toAbsolutePath().normalize();
    Files.createDirectories(work);
    Files.writeString(work.resolve("launcher.pid"), Long.toString(ProcessHandle.current().pid()));

    EmbeddedDatabase database = new EmbeddedDatabase(work, DB_PORT, true).start();
    LibertyServer server =
        new LibertyServer(
            LibertyServer.wlpDirFromSystemProperty(),
            System.getProperty("herald.server.name", "herald"),
            HTTP_PORT,
            devEnvironment(work, database));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  database.stop();
                  System.out.println("Herald stopped: Liberty and PostgreSQL are down.");
                },
                "herald-dev-shutdown"));

    Process liberty = server.runInForeground();
    CompletableFuture.runAsync(() -> announceWhenReady(server, work));
    int exit = liberty.waitFor();
    System.exit(exit);
  }

  /**
   * The dev profile's environment for a Liberty server on {@code database}, data under {@code
   * work}. TDLib's library is passed on when it is there ({@link #tdlibLibrary}): sessions still
   * use the sandbox, but formatted posts (MarkdownV2, HTML) are parsed by TDLib's own parser.
   */
  public static Map<String, String> devEnvironment(Path work, EmbeddedDatabase database) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "HERALD_PROFILE",
                "dev",
                "HERALD_DATA_DIR",
                work.resolve("data").toString(),
                "DB_HOST",
                "localhost",
                "DB_PORT",
                Integer.toString(database.port()),
                "DB_NAME",
                EmbeddedDatabase.NAME,
                "DB_USER",
                EmbeddedDatabase.USER,
                "DB_PASSWORD",
                EmbeddedDatabase.PASSWORD));
    tdlibLibrary().ifPresent(path -> env.put("HERALD_TDLIB_LIBRARY_PATH", path.toString()));
    return Map.copyOf(env);
  }

  /**
   * libtdjson as telegram/fetch-tdlib.sh puts it: {@code HERALD_TDLIB_LIBRARY_PATH}, the system
   * property {@code herald.tdlib.library-path} (the system tests set it), else {@code
   * .tdlib/package/libtdjson.so} under the working directory or its parent; empty when absent.
   */
  static Optional<Path> tdlibLibrary() {
    String configured =
        Optional.ofNullable(System.getenv("HERALD_TDLIB_LIBRARY_PATH"))
            .orElse(System.getProperty("herald.tdlib.library-path", ""));
    Path here = Path.of("").toAbsolutePath();
    return Stream.of(
            configured.isBlank() ? null : Path.of(configured),
            here.resolve(".tdlib/package/libtdjson.so"),
            here.getParent() == null
                ? null
                : here.getParent().resolve(".tdlib/package/libtdjson.so"))
        .filter(Objects::nonNull)
        .map(Path::toAbsolutePath)
        .filter(Files::isRegularFile)
        .findFirst();
  }

  private static void announceWhenReady(LibertyServer server, Path work) {
    try {
      server.awaitReady(Duration.ofMinutes(5));
    } catch (IllegalStateException notReady) {
      System.out.println("Herald did not become ready: " + notReady.getMessage());
      return;
    }
    String base = server.baseUrl();
    Path password = work.resolve("data/keys/admin-password");
    String line = "=".repeat(78);
    System.out.println();
    System.out.println(line);
    System.out.println(
        " Herald is ready (dev profile, sandbox transport: nothing reaches Telegram)");
    System.out.println("   API:        " + base + "/api/v1");
    System.out.println("   Console:    " + base + "/console/");
    System.out.println("   OpenAPI UI: " + base + "/openapi/ui");
    System.out.println("   Health:     " + base + "/health/ready");
    System.out.println("   Admin:      admin@herald.local, password: $(cat " + password + ")");
    System.out.println(
        "   Log in:     curl -s "
            + base
            + "/api/v1/auth/login -H 'Content-Type: application/json' \\");
    System.out.println(
        "                 -d \"{\\\"email\\\":\\\"admin@herald.local\\\",\\\"password\\\":\\\"$(cat"
            + " "
            + password
            + ")\\\"}\"");
    System.out.println("   Stop:       Ctrl-C here, or ./herald stop");
    System.out.println(line);
    System.out.println();
  }
}

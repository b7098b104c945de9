package dev.herald.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The Liberty server installed by liberty-maven-plugin, driven through its own {@code server}
 * script, so tests and the dev launcher start Herald exactly as an operator would.
 */
public final class LibertyServer {

  private final Path wlpDir;
  private final String name;
  private final Map<String, String> env;
  private final int httpPort;

  public LibertyServer(Path wlpDir, String name, int httpPort, Map<String, String> env) {
    this.wlpDir = wlpDir.toAbsolutePath().normalize();
    this.name = name;
    this.httpPort = httpPort;
    this.env = Map.copyOf(env);
  }

  public static Path wlpDirFromSystemProperty() {
    String dir = System.getProperty("herald.wlp.dir");
    if (dir == null) {
      throw new IllegalStateException("herald.wlp.dir is not set (run through Maven)");
    }
    return Path.of(dir);
  }

  public String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  public int httpPort() {
    return httpPort;
  }

  public Path serverDir() {
    return wlpDir.resolve("usr/servers").resolve(name);
  }

  /** The server's class-data archive: recorded by its first start, mapped by the later ones. */
  public ClassDataArchive classData() {
    return new ClassDataArchive(wlpDir, serverDir());
  }

  public Path messagesLog() {
    return serverDir().resolve("logs/messages.log");
  }

  /** Starts in the background and waits until {@code /health/ready} answers 200. */
  public void start(Duration timeout) {
    start(timeout, true);
  }

  /**
   * Starts in the background and waits until ready; {@code clean}: without the OSGi and feature
   * caches of the previous start (a fresh install), else with them, as a container image whose
   * caches were primed at build time ({@code configure.sh}) starts.
   */
  public void start(Duration timeout, boolean clean) {
    launch(clean);
    awaitReady(timeout);
  }

  /**
   * Starts in the background, clean, and returns once Liberty's start command has, without waiting
   * for Herald to be ready (a test of a start that waits for something).
   */
  public void launch() {
    launch(true);
  }

  private void launch(boolean clean) {
    classData().prepareStart();
    int exit = run(clean ? List.of("start", name, "--clean") : List.of("start", name));
    if (exit != 0) {
      throw new IllegalStateException(
          "server start " + name + " exited with " + exit + "; see " + messagesLog());
    }
  }

  /** Runs in the foreground with the console on this process's output; returns the process. */
  public Process runInForeground() throws IOException {
    classData().prepareStart();
    return builder(List.of("run", name, "--clean")).inheritIO().start();
  }

  /**
   * Stops the server and waits until its JVM has exited: a JVM that records the class-data archive
   * writes it after Liberty has reported the stop, and the next start must find it complete.
   */
  public void stop() {
    run(List.of("stop", name));
    awaitExit(jvms(), Duration.ofMinutes(2), "did not exit after its stop");
  }

  /**
   * {@code kill -9} of the server's JVM (this install's, by path and name): a node crash, no
   * shutdown hooks, leases left behind. Returns once the process is gone, with the moment the
   * signal was sent.
   */
  public Instant kill() {
    List<ProcessHandle> jvms = jvms();
    if (jvms.isEmpty()) {
      throw new IllegalStateException("no Liberty JVM of " + serverDir() + " to kill");
    }
    Instant signalled = Instant.now();
    jvms.forEach(ProcessHandle::destroyForcibly);
    awaitExit(jvms, Duration.ofSeconds(10), "did not die");
    return signalled;
  }

  /** Waits for each of the server's JVMs to exit; one still running after the wait is an error. */
  private void awaitExit(List<ProcessHandle> jvms, Duration wait, String failure) {
    for (ProcessHandle jvm : jvms) {
      try {
        jvm.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException(
            "Liberty " + name + " (pid " + jvm.pid() + ") " + failure, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The running JVMs of this server: this install's (by path) and this name only, since other
   * builds on the machine run servers of the same name from other folders.
   */
  public List<ProcessHandle> jvms() {
    String launcherJar = wlpDir.resolve("bin/tools/ws-server.jar").toString();
    Pattern serverName = Pattern.compile(".*\\s" + Pattern.quote(name) + "(\\s.*|$)");
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains(launcherJar) && serverName.matcher(c).matches())
                    .orElse(false))
        .toList();
  }

  /** The pid of this server's running JVM. */
  public long pid() {
    return jvms().stream()
        .mapToLong(ProcessHandle::pid)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no Liberty JVM of " + serverDir()));
  }

  public void awaitReady(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Pause.of(Duration.ofMillis(250));
    }
    throw new IllegalStateException(
        "Herald was not ready within " + timeout + "; see " + messagesLog());
  }

  /**
   * Runs the server script quietly (its output is in the server's logs) and returns its exit code.
   */
  private int run(List<String> args) {
    return Blocking.call(
        () ->
            builder(args)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor());
  }

  /** The server script with {@code args} and this server's environment and port, not started. */
  public ProcessBuilder builder(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(wlpDir.resolve("bin/server").toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.environment().put("HTTP_PORT", Integer.toString(httpPort));
    return builder;
  }

  /** A copy of this server's configuration under another name, for a second instance. */
  public LibertyServer copyAs(String otherName, int otherPort, Map<String, String> otherEnv) {
    Folders.copyTree(
        serverDir(), wlpDir.resolve("usr/servers").resolve(otherName), Set.of("logs", "workarea"));
    return new LibertyServer(wlpDir, otherName, otherPort, otherEnv);
  }
}

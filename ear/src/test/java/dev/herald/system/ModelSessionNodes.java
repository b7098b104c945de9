package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.herald.launcher.Api;
import dev.herald.launcher.EmbeddedDatabase;
import dev.herald.launcher.LibertyServer;
import dev.herald.launcher.Ports;
import dev.herald.launcher.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Herald nodes whose sessions post through the {@code tdlib} transport on the model library ({@code
 * herald.tdlib.library=model}), on a database of their own (so the shared sandbox server neither
 * claims their bots nor counts as a live node), each node with its own TDLib folder and all of them
 * appending to one record of the model's clients ({@link #events()}).
 */
final class ModelSessionNodes {

  /** One line of the model's client record. */
  record Event(Instant at, String type, long session, long pid, int client) {}

  private final SystemUnderTest system;
  private final String database;
  private final Path work;
  private final Path record;
  private final SqlRows rows = new SqlRows(this::connect);
  private final List<LibertyServer> nodes = new ArrayList<>();

  ModelSessionNodes(SystemUnderTest system, String label) {
    this.system = system;
    this.database = label + "_" + Long.toHexString(System.nanoTime());
    try {
      this.work = Files.createDirectories(system.workDir().resolve(database));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.record = work.resolve("tdlib-clients.log");
    try (Connection c = system.database().connectAsSuperuser();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database + " OWNER " + EmbeddedDatabase.USER);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the nodes' database", e);
    }
  }

  /** A node as {@link #node}, started. */
  LibertyServer started(String name) {
    LibertyServer node = node(name);
    node.start(START);
    return node;
  }

  /** Stops every node these made, after the tests (a node a test already stopped included). */
  void stopAll() {
    nodes.forEach(LibertyServer::stop);
  }

  /** A node named {@code name} with its own TDLib folder, not started. */
  LibertyServer node(String name) {
    return node(name, Map.of());
  }

  /** A node as {@link #node(String)}, with {@code settings} added to its environment. */
  LibertyServer node(String name, Map<String, String> settings) {
    Map<String, String> env = new HashMap<>(system.testEnvironment());
    env.putAll(settings);
    env.put("DB_NAME", database);
    env.put("HERALD_TRANSPORT_SESSIONS", "tdlib");
    env.put("HERALD_TDLIB_LIBRARY", "model");
    env.put("HERALD_TDLIB_MODEL_RECORD_FILE", record.toString());
    env.put("HERALD_TDLIB_DATA_DIR", tdlibFolder(name).toString());
    env.put("HERALD_TDLIB_STATE_CHECK_SECONDS", "1");
    LibertyServer node = system.server().copyAs(name, Ports.free(), env);
    nodes.add(node);
    return node;
  }

  Path tdlibFolder(String name) {
    return work.resolve("tdlib-" + name);
  }

  String adminToken(LibertyServer node) {
    return Admins.login(new Api(node.baseUrl()), Admins.OWNER_EMAIL, system.adminPassword());
  }

  /** {@code count} sessions of a new API pair, each logged in through the model on {@code node}. */
  List<Long> loggedInSessions(LibertyServer node, int count) {
    Api api = new Api(node.baseUrl());
    String admin = adminToken(node);
    long pairId = apiPair(node, admin);
    List<Long> sessions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long id = sessionAwaitingItsCode(node, admin, pairId);
      Api.Reply code =
          api.post("/api/v1/admin/sessions/" + id + "/code", JsonBody.of("value", "12345"))
              .token(admin)
              .send();
      assertEquals(200, code.status(), code::toString);
      assertEquals("READY", code.json().getString("login"), code::toString);
      sessions.add(id);
    }
    return sessions;
  }

  /** A new API pair for 50 sessions, added on {@code node}; its id. */
  long apiPair(LibertyServer node, String admin) {
    int apiId = ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000_000);
    Api.Reply pair =
        new Api(node.baseUrl())
            .post(
                "/api/v1/admin/api-pairs",
                JsonBody.of(
                    "api_id",
                    apiId,
                    "api_hash",
                    "0123456789abcdef0123456789abcdef",
                    "capacity",
                    50))
            .token(admin)
            .send();
    assertEquals(201, pair.status(), pair::toString);
    return pair.json().getJsonNumber("id").longValue();
  }

  /**
   * A session of the pair added on {@code node}, its login started there and waiting for a code.
   */
  long sessionAwaitingItsCode(LibertyServer node, String admin, long pairId) {
    String phone = "+4477" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    Api.Reply added =
        new Api(node.baseUrl())
            .post("/api/v1/admin/sessions", JsonBody.of("phone", phone, "api_pair_id", pairId))
            .token(admin)
            .send();
    assertEquals(201, added.status(), added::toString);
    assertEquals("CODE_REQUIRED", added.json().getString("login"), added::toString);
    return added.json().getJsonNumber("id").longValue();
  }

  /** A tenant with an active plan for {@code sessions} sessions whose bot runs on {@code node}. */
  void runningBot(LibertyServer node, Tokens tokens, int sessions, String... groups) {
    Api api = new Api(node.baseUrl());
    String subject = Tokens.newSubject("lease");
    String token = tokens.tenant(subject);
    Admins.register(api, token);
    sql(
        "UPDATE account SET plan_status = 'ACTIVE', max_sessions = ?, min_delay_between_posts_s ="
            + " 0, min_delay_between_cycles_s = 1, plan_updated_at = now() WHERE subject = ?",
        sessions,
        subject);
    Api.Reply config =
        api.put(
                "/api/v1/bot/config",
                JsonBody.of(
                    "target_groups",
                    List.of(groups),
                    "post_text",
                    "Hello from a session lease test",
                    "delay_between_posts_seconds",
                    0,
                    "delay_between_cycles_seconds",
                    1))
            .token(token)
            .send();
    assertEquals(200, config.status(), config::toString);
    this.tenantToken = token;
    startBot(node);
  }

  private String tenantToken;

  void startBot(LibertyServer node) {
    Api.Reply started =
        new Api(node.baseUrl()).post("/api/v1/bot/start", "").token(tenantToken).send();
    assertEquals(200, started.status(), started::toString);
  }

  List<Event> events() {
    try {
      if (!Files.exists(record)) {
        return List.of();
      }
      return Files.readAllLines(record).stream()
          .filter(line -> !line.isBlank())
          .map(
              line -> {
                String[] f = line.split(" ");
                return new Event(
                    Instant.ofEpochMilli(Long.parseLong(f[0])),
                    f[1],
                    Long.parseLong(f[2]),
                    Long.parseLong(f[3]),
                    Integer.parseInt(f[4]));
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sessions the model saw {@code type} for from process {@code pid}. */
  Set<Long> sessionsWith(String type, long pid) {
    Set<Long> sessions = new HashSet<>();
    for (Event event : events()) {
      if (event.type().equals(type) && event.pid() == pid) {
        sessions.add(event.session());
      }
    }
    return sessions;
  }

  /** How many {@code type} events the model recorded, from any process. */
  long recorded(String type) {
    return events().stream().filter(e -> e.type().equals(type)).count();
  }

  /**
   * Replays the record: at no moment two clients of one session open, a killed process's clients
   * counted closed when it was killed ({@code killed}: pid → when).
   */
  void assertNeverTwoClientsOfOneSession(Map<Long, Instant> killed) {
    Map<Long, Map<String, Long>> open = new HashMap<>(); // session → client key → pid
    for (Event event : events()) {
      Map<String, Long> clients = open.computeIfAbsent(event.session(), s -> new HashMap<>());
      clients
          .entrySet()
          .removeIf(
              client ->
                  killed.containsKey(client.getValue())
                      && !killed.get(client.getValue()).isAfter(event.at()));
      String key = event.pid() + "/" + event.client();
      if (event.type().equals("open")) {
        if (!clients.isEmpty()) {
          fail(
              "two clients of session "
                  + event.session()
                  + " open at "
                  + event.at()
                  + ": "
                  + clients.keySet()
                  + " and "
                  + key);
        }
        clients.put(key, event.pid());
      } else if (event.type().equals("close")) {
        clients.remove(key);
      }
    }
  }

  /**
   * Waits until every one of {@code sessions} posted from process {@code pid}; how long it took.
   */
  Duration awaitPosting(String from, long pid, List<Long> sessions) {
    return Poll.until(
        "every session posts from " + from,
        Duration.ofSeconds(60),
        () -> sessionsWith("send", pid).containsAll(sessions));
  }

  /**
   * {@code count} sessions logged in through {@code node} and a bot posting through them to {@code
   * groups}, once every session posted from the node ({@code from}) and its state is stored in
   * PostgreSQL: what a node's failure or restart must carry over. Returns the sessions.
   */
  List<Long> postingAndStored(
      LibertyServer node, String from, Tokens tokens, int count, String... groups) {
    List<Long> sessions = loggedInSessions(node, count);
    runningBot(node, tokens, count, groups);
    awaitPosting(from, node.pid(), sessions);
    awaitStatesStored(sessions);
    return sessions;
  }

  /** Waits until the state of each of {@code sessions} is stored in PostgreSQL. */
  void awaitStatesStored(List<Long> sessions) {
    Poll.until(
        "every session's state is in PostgreSQL",
        Duration.ofSeconds(30),
        () -> count("SELECT count(*) FROM session_tdlib_state") == sessions.size());
  }

  /** Sessions that are not sending: banned, needing a login, parked. */
  long notSending() {
    return count("SELECT count(*) FROM telegram_session WHERE state <> 'ASSIGNED'");
  }

  long count(String sql, Object... args) {
    return rows.count(sql, args);
  }

  void sql(String statement, Object... args) {
    rows.update(statement, args);
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + system.database().port() + "/" + database,
        EmbeddedDatabase.USER,
        EmbeddedDatabase.PASSWORD);
  }

  /** Deletes a node's TDLib folder: the node then has nothing but PostgreSQL to reopen from. */
  void wipeTdlibFolder(String name) {
    Path folder = tdlibFolder(name);
    if (!Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      paths
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(ModelSessionNodes::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final Duration START = Duration.ofMinutes(4);
}

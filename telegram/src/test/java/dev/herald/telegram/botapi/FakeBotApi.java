package dev.herald.telegram.botapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herald.domain.telegram.Sender;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server speaking the Bot API protocol: {@code POST /bot<token>/<method>} with a JSON body,
 * answered with the status and body scripted per method. A method scripted as {@link #hang} never
 * answers (until {@link #close}). A {@code sendMessage} whose {@code entities} or {@code
 * reply_markup} the Bot API would refuse is answered with its 400 ({@link FakeBotApiMarkup}).
 */
final class FakeBotApi implements AutoCloseable {

  /** The token of the user bot the tests send as. */
  static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ";

  /** The user bot of account 1 (the account the media tests store their media under). */
  static final Sender BOT = Sender.userBot(1, TOKEN);

  record Call(String token, String method, String body) {}

  private record Answer(int status, String body) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<Long, Long> migrations = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile FakeBotApiMedia media;
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private volatile Duration latency = Duration.ZERO;

  FakeBotApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    // Loads JSON-P here, not in the first answer: under load its first use outlasted the client's
    // 700 ms timeout.
    FakeBotApiMarkup.problem("{}");
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A client of this server whose calls give up after {@code timeout}. */
  BotApiClient client(Duration timeout) {
    return new BotApiClient(baseUrl(), timeout);
  }

  /** A gateway through this server that sends forwards as forwards (not copies). */
  BotApiGateway gateway(Duration timeout) {
    return new BotApiGateway(client(timeout), false);
  }

  FakeBotApi answer(String method, int status, String body) {
    answers.put(method, new Answer(status, body));
    return this;
  }

  FakeBotApi ok(String method, String result) {
    return answer(method, 200, "{\"ok\":true,\"result\":" + result + "}");
  }

  FakeBotApi error(String method, int code, String description) {
    return answer(
        method,
        code,
        "{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\"}");
  }

  /**
   * The basic group {@code from} was upgraded to the supergroup {@code to}: every call naming
   * {@code from} as its {@code chat_id} is answered as Telegram does, a 400 with {@code
   * parameters.migrate_to_chat_id}.
   */
  FakeBotApi upgraded(long from, long to) {
    migrations.put(from, to);
    return this;
  }

  FakeBotApi hang(String method) {
    return answer(method, -1, "");
  }

  List<Call> calls() {
    return calls;
  }

  /** Every answer takes {@code latency} more. */
  FakeBotApi slow(Duration latency) {
    this.latency = latency;
    return this;
  }

  /** When each call arrived ({@link System#nanoTime}), in order. */
  List<Long> arrivals() {
    return arrivals;
  }

  /** The most calls this server had in hand at once. */
  int mostInFlight() {
    return mostInFlight.get();
  }

  /** Answers the media methods as Telegram does (see {@link FakeBotApiMedia}); returns it. */
  FakeBotApiMedia media() {
    media = new FakeBotApiMedia();
    return media;
  }

  private void handle(HttpExchange exchange) throws IOException {
    arrivals.add(System.nanoTime());
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } finally {
      // Before the answer: once written, the client may send its next call at once.
      inFlight.decrementAndGet();
    }
    answer(exchange);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String[] path = exchange.getRequestURI().getPath().split("/");
    String token = path.length > 1 ? path[1].substring(3) : "";
    String method = path.length > 2 ? path[2] : "";
    byte[] raw = exchange.getRequestBody().readAllBytes();
    String body = new String(raw, StandardCharsets.UTF_8);
    calls.add(new Call(token, method, body));
    String refused = "sendMessage".equals(method) ? FakeBotApiMarkup.problem(body) : null;
    Long upgradedTo =
        migrations.entrySet().stream()
            .filter(m -> body.contains("\"chat_id\":" + m.getKey() + ","))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    Answer answer =
        upgradedTo != null
            ? new Answer(
                400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was"
                    + " upgraded to a supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":"
                    + upgradedTo
                    + "}}")
            : refused != null
                ? new Answer(
                    400,
                    "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: "
                        + refused
                        + "\"}")
                : answers.getOrDefault(
                    method,
                    new Answer(
                        404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"));
    FakeBotApiMedia mediaAnswers = media;
    if (!answers.containsKey(method) && mediaAnswers != null && mediaAnswers.handles(method)) {
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      String reply = mediaAnswers.answer(token, method, contentType, raw);
      answer = new Answer(reply.startsWith("{\"ok\":false") ? 400 : 200, reply);
    }
    if (answer.status() < 0) {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}

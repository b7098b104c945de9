package dev.herald.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local server speaking the Bot API for one bot that was added to every group as a member: {@code
 * getMe}, {@code getChat} (a supergroup), {@code getChatMember} ({@code member}) and {@code
 * sendMessage} are answered as Telegram answers them; every call is recorded with when it came.
 */
final class LocalBotApi implements AutoCloseable {

  static final String TOKEN = "424242:AAHpacedTokenForHeraldSystemTests0000";

  /** One call: its method, the chat it named, when it arrived ({@link System#nanoTime}). */
  record Call(String method, String chat, long at) {}

  private static final Pattern CHAT_ID = Pattern.compile("\"chat_id\":\"?([^\",}]+)");

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger messages = new AtomicInteger();

  LocalBotApi() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Call> calls() {
    return calls;
  }

  List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long at = System.nanoTime();
    String[] path = exchange.getRequestURI().getPath().split("/");
    String method = path.length > 2 ? path[2] : "";
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Matcher chat = CHAT_ID.matcher(body);
    String chatId = chat.find() ? chat.group(1) : "";
    calls.add(new Call(method, chatId, at));
    String result =
        switch (method) {
          case "getMe" ->
              "{\"id\":424242,\"is_bot\":true,\"first_name\":\"Paced\","
                  + "\"username\":\"herald_paced_bot\"}";
          case "getChat" ->
              "{\"id\":" + idOf(chatId) + ",\"title\":\"" + chatId + "\",\"type\":\"supergroup\"}";
          case "getChatMember" ->
              "{\"status\":\"member\",\"user\":{\"id\":424242,\"is_bot\":true,"
                  + "\"first_name\":\"Paced\"}}";
          case "sendMessage" ->
              "{\"message_id\":"
                  + messages.incrementAndGet()
                  + ",\"chat\":{\"id\":"
                  + idOf(chatId)
                  + ",\"type\":\"supergroup\"},\"date\":0}";
          default -> null;
        };
    byte[] bytes =
        (result == null
                ? "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"
                : "{\"ok\":true,\"result\":" + result + "}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(result == null ? 404 : 200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A supergroup's id for a chat named by username, the same every time. */
  private static long idOf(String chat) {
    return chat.startsWith("-")
        ? Long.parseLong(chat)
        : -1_001_000_000_000L - Math.abs(chat.hashCode() % 1_000_000);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package dev.herald.telegram.tdlib;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one receive loop of the process. TDLib requires {@code td_receive} from a single thread for
 * all clients, so every client's answers and updates arrive here and are dispatched: answers by
 * {@code @extra} to the future of their request, everything else by {@code @client_id} to the
 * session's listener. Listeners run on this thread and must not block.
 */
public final class TdlibRuntime implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TdlibRuntime.class.getName());

  /** Seconds per {@code td_receive}: bounds how long {@link #close()} waits for the loop. */
  private static final double RECEIVE_TIMEOUT = 1.0;

  private record Pending(int clientId, CompletableFuture<JsonObject> answer) {}

  private final TdJson td;
  private final Thread loop;
  private final Map<Integer, Consumer<JsonObject>> listeners = new ConcurrentHashMap<>();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong extras = new AtomicLong();
  private volatile boolean running = true;

  /**
   * {@code threads}: inside Liberty a {@code ManagedThreadFactory}, so the loop is a managed
   * thread.
   */
  public TdlibRuntime(TdJson td, ThreadFactory threads) {
    this.td = td;
    this.loop = threads.newThread(this::receive);
    loop.setName("herald-tdlib-receive");
    loop.setDaemon(true);
    loop.start();
  }

  /** Creates a client; it starts working with its first request. */
  public int createClient(Consumer<JsonObject> updates) {
    int clientId = td.td_create_client_id();
    listeners.put(clientId, updates);
    return clientId;
  }

  /** Sends a request; the future fails with {@link TdlibException} when TDLib answers an error. */
  public CompletableFuture<JsonObject> send(int clientId, JsonObject request) {
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    if (!running) {
      answer.completeExceptionally(new IllegalStateException("TDLib runtime is closed"));
      return answer;
    }
    String extra = "h" + extras.incrementAndGet();
    pending.put(extra, new Pending(clientId, answer));
    // Forget the request however it ends (answer, caller's timeout), so the map cannot grow.
    answer.whenComplete((result, failure) -> pending.remove(extra));
    td.td_send(clientId, Json.createObjectBuilder(request).add("@extra", extra).build().toString());
    return answer;
  }

  /** The client is closed: stop routing to it and fail what it still owes. */
  public void forget(int clientId) {
    listeners.remove(clientId);
    pending.values().stream()
        .filter(entry -> entry.clientId() == clientId)
        .forEach(
            entry ->
                entry
                    .answer()
                    .completeExceptionally(
                        new IllegalStateException("TDLib client " + clientId + " closed")));
  }

  private void receive() {
    while (running) {
      try {
        String answer = td.td_receive(RECEIVE_TIMEOUT);
        if (answer != null) {
          dispatch(TdlibJson.parse(answer));
        }
      } catch (RuntimeException bug) {
        // One bad object or listener must not stop every session's traffic.
        LOG.log(Level.SEVERE, "TDLib receive loop: dispatch failed", bug);
      }
    }
  }

  void dispatch(JsonObject object) {
    JsonValue extra = object.get("@extra");
    if (extra != null) {
      String key =
          extra.getValueType() == JsonValue.ValueType.STRING
              ? object.getString("@extra")
              : extra.toString();
      Pending request = pending.remove(key);
      if (request != null) {
        if ("error".equals(TdlibJson.type(object))) {
          request.answer().completeExceptionally(TdlibException.from(object));
        } else {
          request.answer().complete(object);
        }
        return;
      }
    }
    Consumer<JsonObject> listener = listeners.get(object.getInt("@client_id", -1));
    if (listener != null) {
      listener.accept(object);
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      loop.join((long) (RECEIVE_TIMEOUT * 3000));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    pending
        .values()
        .forEach(
            entry ->
                entry
                    .answer()
                    .completeExceptionally(new IllegalStateException("TDLib runtime closed")));
  }
}

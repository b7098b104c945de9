package dev.herald.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A server-sent events client on the JDK's HttpClient, as a browser's fetch() streaming reads
 * {@code GET /api/v1/bot/events}: the token in the header, the body parsed line by line as it
 * arrives (no thread per stream), each event stamped with when it was received.
 */
public final class EventStreamClient implements AutoCloseable {

  /** One event: its name ({@code message} when none), id (null when none), data, arrival. */
  public record Event(String name, String id, String data, long receivedNanos) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Consumer<Event> received;
  private final CompletableFuture<Integer> status = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;

  private EventStreamClient(Consumer<Event> received) {
    this.received = received == null ? events::add : received;
  }

  /** Connects; {@code lastEventId} may be null. Returns once the response headers are in. */
  public static EventStreamClient open(
      HttpClient client, String baseUrl, String token, String lastEventId) {
    return open(client, baseUrl, token, lastEventId, null);
  }

  /**
   * As above; every event goes to {@code received} as it arrives (on the client's thread) instead
   * of the queue that {@link #next} reads.
   */
  public static EventStreamClient open(
      HttpClient client,
      String baseUrl,
      String token,
      String lastEventId,
      Consumer<Event> received) {
    EventStreamClient stream = new EventStreamClient(received);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/bot/events"))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + token)
            .GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    client
        .sendAsync(
            request.build(),
            info -> {
              stream.status.complete(info.statusCode());
              return HttpResponse.BodySubscribers.fromLineSubscriber(stream.new Lines());
            })
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                stream.status.completeExceptionally(failure);
              }
            });
    try {
      int code = stream.status.get(30, TimeUnit.SECONDS);
      if (code != 200) {
        throw new IllegalStateException("event stream answered " + code);
      }
    } catch (Exception e) {
      stream.close();
      throw new IllegalStateException("event stream did not open: " + e, e);
    }
    return stream;
  }

  /** The next event that matches, or null when none arrives within the timeout. */
  public Event next(Predicate<Event> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        Event event = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
        if (event == null || wanted.test(event)) {
          return event;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Every event received so far and not taken by {@link #next}. */
  public List<Event> drain() {
    List<Event> drained = new ArrayList<>();
    events.drainTo(drained);
    return drained;
  }

  @Override
  public void close() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }

  /** The SSE wire format: fields until a blank line; lines starting with ':' are comments. */
  private final class Lines implements Flow.Subscriber<String> {
    private String name;
    private String id;
    private StringBuilder data;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (line.isEmpty()) {
        if (data != null) {
          received.accept(new Event(name == null ? "message" : name, id, data.toString(), now()));
        }
        name = null;
        id = null;
        data = null;
      } else if (line.startsWith(":")) {
        received.accept(new Event(":comment", null, line.substring(1).strip(), now()));
      } else {
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
          value = value.substring(1);
        }
        switch (field) {
          case "event" -> name = value;
          case "id" -> id = value;
          case "data" ->
              data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
          default -> {}
        }
      }
    }

    @Override
    public void onError(Throwable failure) {}

    @Override
    public void onComplete() {}

    private long now() {
      return System.nanoTime();
    }
  }
}

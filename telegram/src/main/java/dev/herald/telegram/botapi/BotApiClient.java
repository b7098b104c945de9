package dev.herald.telegram.botapi;

import dev.herald.domain.shared.Tokens;
import dev.herald.telegram.async.AsyncFailures;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls one Bot API method: {@code POST <base>/bot<token>/<method>} with a JSON body. Never throws
 * for network trouble: a call without an answer becomes {@link BotApiResponse#noAnswer}. The token
 * is part of the URL, so URLs are never logged; only the method and masked token.
 */
public class BotApiClient {

  private static final Logger LOG = Logger.getLogger(BotApiClient.class.getName());

  private final HttpClient http;
  private final URI baseUrl;
  private final Duration timeout;

  public BotApiClient(URI baseUrl, Duration timeout) {
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public BotApiResponse call(String token, String method, JsonObject parameters) {
    return callAsync(token, method, parameters).join();
  }

  public CompletableFuture<BotApiResponse> callAsync(
      String token, String method, JsonObject parameters) {
    return post(
        token,
        method,
        "application/json",
        HttpRequest.BodyPublishers.ofString(parameters.toString(), StandardCharsets.UTF_8),
        timeout);
  }

  /**
   * A call that uploads files: the same answer handling, a multipart body. Telegram answers once it
   * has taken the whole file in and sent the message, and the request's timeout runs until that
   * answer: so an upload gets a second more per started megabyte ({@link #uploadTimeout}), or a
   * large file would time out halfway every cycle, or be delivered and still count as failed.
   */
  CompletableFuture<BotApiResponse> callAsync(String token, String method, BotApiMultipart body) {
    byte[] bytes = body.bytes();
    return post(
        token,
        method,
        body.contentType(),
        HttpRequest.BodyPublishers.ofByteArray(bytes),
        uploadTimeout(timeout, bytes.length));
  }

  static Duration uploadTimeout(Duration timeout, long bytes) {
    return timeout.plusSeconds((bytes + (1 << 20) - 1) >> 20);
  }

  private CompletableFuture<BotApiResponse> post(
      String token,
      String method,
      String contentType,
      HttpRequest.BodyPublisher body,
      Duration requestTimeout) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/bot" + token + "/" + method))
            .timeout(requestTimeout)
            .header("Content-Type", contentType)
            .POST(body)
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .thenApply(response -> parse(response.statusCode(), response.body()))
        .exceptionally(failure -> noAnswer(method, token, failure));
  }

  private static BotApiResponse parse(int status, String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return BotApiResponse.fromJson(status, reader.readObject());
    } catch (JsonException | IllegalStateException | ClassCastException notBotApi) {
      // A proxy or load balancer answered instead of Telegram (HTML 502 page and the like). Its
      // status is no verdict of Telegram's: an HTML 404 or 403 must not read as a refused token or
      // a forbidden chat (error code 0: a transient failure).
      return new BotApiResponse(
          status, false, null, 0, "HTTP " + status + " without a Bot API body", Optional.empty());
    }
  }

  private static BotApiResponse noAnswer(String method, String token, Throwable failure) {
    Throwable cause = AsyncFailures.cause(failure);
    String reason =
        cause instanceof HttpTimeoutException
            ? "Bot API did not answer " + method + " in time"
            : "Bot API unreachable for " + method + ": " + cause.getClass().getSimpleName();
    if (!(cause instanceof IOException) && !(cause instanceof HttpTimeoutException)) {
      LOG.log(
          Level.WARNING,
          "Unexpected Bot API failure for {0} with token {1}",
          new Object[] {method, Tokens.mask(token)});
    }
    return BotApiResponse.noAnswer(reason);
  }
}

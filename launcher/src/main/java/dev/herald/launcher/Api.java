package dev.herald.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the system tests and benchmarks: real requests to a running Herald. */
public final class Api {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String baseUrl;

  public Api(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Any method; {@code json} null: no body. */
  public Request request(String method, String path, String json) {
    return new Request(method, path, json);
  }

  public Request get(String path) {
    return new Request("GET", path, null);
  }

  public Request post(String path, String json) {
    return new Request("POST", path, json);
  }

  public Request put(String path, String json) {
    return new Request("PUT", path, json);
  }

  public Request patch(String path, String json) {
    return new Request("PATCH", path, json);
  }

  public Request delete(String path) {
    return new Request("DELETE", path, null);
  }

  /** A request being built; {@link #send()} sends it. */
  public final class Request {
    private final HttpRequest.Builder builder;

    private Request(String method, String path, String json) {
      builder =
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .timeout(Duration.ofSeconds(30))
              .method(
                  method,
                  json == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json));
      if (json != null) {
        builder.header("Content-Type", "application/json");
      }
    }

    public Request token(String token) {
      builder.header("Authorization", "Bearer " + token);
      return this;
    }

    public Request header(String name, String value) {
      builder.setHeader(name, value);
      return this;
    }

    public Reply send() {
      return new Reply(
          Blocking.call(() -> CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString())));
    }
  }

  /** A response with helpers for JSON bodies. */
  public record Reply(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body()))) {
        return reader.readObject();
      }
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}

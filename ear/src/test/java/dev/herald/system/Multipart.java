package dev.herald.system;

import dev.herald.launcher.Api;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * A {@code multipart/form-data} upload over real HTTP, byte for byte what {@code curl -F
 * field=@name;type=...} sends: one part per call of {@link #file}.
 */
final class Multipart {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final String boundary = "----herald" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** A file part; {@code contentType} null sends none (curl's default for unknown names). */
  Multipart file(String field, String fileName, String contentType, byte[] bytes) {
    StringBuilder head = new StringBuilder();
    head.append("--").append(boundary).append("\r\n");
    head.append("Content-Disposition: form-data; name=\"").append(field).append('"');
    if (fileName != null) {
      head.append("; filename=\"").append(fileName).append('"');
    }
    head.append("\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    head.append("\r\n");
    body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** POSTs the parts to {@code path} of the shared server. */
  Api.Reply post(String baseUrl, String path, String token) {
    byte[] all = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(all);
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
            .build();
    try {
      return new Api.Reply(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

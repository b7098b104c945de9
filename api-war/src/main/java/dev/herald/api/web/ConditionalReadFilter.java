package dev.herald.api.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ConditionalRead}: the answer is written to bytes by the writer that would have written it,
 * its ETag is a digest of those bytes (strong: equal bytes, equal tag, on every node), and when the
 * request's If-None-Match names it the answer is 304 with no body. The body is sent as the bytes
 * already written, so it is serialized once either way. Answers stay {@code Cache-Control:
 * no-store} (SecurityHeaders): a client keeps the last body itself and sends its tag.
 */
@Provider
@ConditionalRead
public class ConditionalReadFilter implements ContainerResponseFilter {

  /** Recent answers are small; a full memo simply starts afresh. */
  private static final int RECENT_ANSWERS = 10_000;

  /** An answer as sent: its bytes (never changed once made) and their tag. */
  private record Tagged(byte[] body, String tag) {}

  @Context Providers providers;

  /** Recent answers by the record they were written from (a value, not an identity). */
  private final Map<Object, Tagged> recent = new ConcurrentHashMap<>();

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response)
      throws IOException {
    if (!"GET".equals(request.getMethod())
        || response.getStatus() != Response.Status.OK.getStatusCode()
        || !response.hasEntity()) {
      return;
    }
    Tagged answer = tagged(response);
    byte[] body = answer.body();
    String tag = answer.tag();
    response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
    if (names(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
      response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
      response.setEntity(null);
      response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    } else {
      response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
    }
  }

  /**
   * The answer's bytes and tag; for one of Herald's records written by JSON-B, those of an equal
   * record written before when there is one (records are equal when their values are, and equal
   * values are written to equal bytes), so that a dashboard polling an unchanged state is not
   * written and digested again at every poll.
   */
  private Tagged tagged(ContainerResponseContext response) throws IOException {
    Object entity = response.getEntity();
    boolean memo = entity.getClass().isRecord() && writtenByJsonb(entity, response.getMediaType());
    Tagged known = memo ? recent.get(entity) : null;
    if (known != null) {
      return known;
    }
    byte[] body = written(response);
    Tagged answer = new Tagged(body, "\"" + digest(body) + "\"");
    if (memo) {
      if (recent.size() >= RECENT_ANSWERS) {
        recent.clear();
      }
      recent.put(entity, answer);
    }
    return answer;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private byte[] written(ContainerResponseContext response) throws IOException {
    MediaType type = response.getMediaType();
    if (writtenByJsonb(response.getEntity(), type)) {
      return JsonbConfigResolver.API_JSON.toJson(response.getEntity()).getBytes(UTF_8);
    }
    MessageBodyWriter writer =
        providers.getMessageBodyWriter(
            response.getEntityClass(),
            response.getEntityType(),
            response.getEntityAnnotations(),
            type);
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    writer.writeTo(
        response.getEntity(),
        response.getEntityClass(),
        response.getEntityType(),
        response.getEntityAnnotations(),
        type,
        response.getHeaders(),
        out);
    return out.toByteArray();
  }

  /**
   * Whether the writer RESTEasy would choose is the JSON-B provider with the API's Jsonb, in UTF-8:
   * so for one of Herald's own classes (Herald has no MessageBodyWriter of its own, and String,
   * byte[] and JSON-P values have writers of their own) as {@code application/json} without a
   * charset. The provider writes {@code toJson(entity)} in UTF-8; doing the same here skips its
   * lookups of the writer and of the Jsonb at every answer (about 1.5% of a /bot/state poll's
   * samples, bench/api.sh). Anything else goes through the looked-up writer.
   */
  private static boolean writtenByJsonb(Object entity, MediaType type) {
    return type != null
        && "application".equals(type.getType())
        && "json".equals(type.getSubtype())
        && !type.getParameters().containsKey(MediaType.CHARSET_PARAMETER)
        && entity.getClass().getName().startsWith("dev.herald.");
  }

  /** If-None-Match: {@code *} or a list of tags, weak ones compared weakly (RFC 9110 13.1.2). */
  static boolean names(String ifNoneMatch, String tag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String t = candidate.strip();
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.equals("*") || t.equals(tag)) {
        return true;
      }
    }
    return false;
  }

  private static String digest(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

package dev.herald.bench;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every answer to a malformed request must be (SPEC rule 12): never a 5xx; no stack trace,
 * exception class, Java package or SQL state in the body; every 4xx an {@code
 * application/problem+json} object whose {@code status} is the HTTP status, with a {@code type} and
 * the {@code request_id}; an {@code X-Request-Id} on every answer.
 */
final class FuzzCheck {

  private FuzzCheck() {}

  /** What gives away the implementation. The fuzzer never sends these words itself. */
  static final Pattern LEAK =
      Pattern.compile(
          "\\bat"
              + " [a-zA-Z_$][\\w$]*(\\.[\\w$<>]+)+\\(|dev\\.herald\\.|\\bjava\\.[a-z]+\\.|\\bjavax?\\.[a-z]+\\."
              + "|\\bjakarta\\.[a-z]+\\.|org\\.(postgresql|eclipse|apache|hibernate|jboss|glassfish)|com\\.ibm\\.|[A-Za-z]+(Exception|Error)\\b|\\bException\\b|Caused"
              + " by|SQLState|SQLSTATE|\\bERROR:|\\bPSQL|\\bSRVE\\d{4}|\\bCWW[A-Z]{2}\\d{4}|\\bFFDC|stack"
              + " ?trace|<html",
          Pattern.CASE_INSENSITIVE);

  /**
   * Liberty's own refusal of a path that is not canonical once decoded (Servlet 6.0, section 3.5.2:
   * a control character, or an encoded {@code ;}, {@code ?} or {@code #} that makes an empty
   * segment with parameters or a fragment), made in WebContainer.handleRequest before any
   * application is chosen: no filter or error page of Herald's runs and no setting changes it.
   * Counted and reported on its own line, not as a violation of the application; FuzzFindingsIT
   * pins its headers and that it leaks nothing else.
   */
  static final String CONTAINER_REFUSAL = "container-refusal";

  private static final Pattern CONTAINER_URI_REFUSAL =
      Pattern.compile(
          "^(<H1>|\\{\"error_message\" : \")CWWWC0005I: The request URI has invalid or improperly"
              + " encoded characters: \\[[^<>\"]*\\](</H1><BR>|\"})$");

  static List<String> violations(
      String method, int status, String contentType, String requestId, String body) {
    List<String> found = new ArrayList<>();
    if (status == 400 && CONTAINER_URI_REFUSAL.matcher(body).matches()) {
      return List.of(CONTAINER_REFUSAL);
    }
    if (status >= 500) {
      found.add("5xx");
    }
    if (requestId == null || requestId.isBlank()) {
      found.add("no-request-id");
    }
    var leak = LEAK.matcher(body);
    if (leak.find()) {
      found.add("leak:" + leak.group());
    }
    if (status >= 400 && !method.equals("HEAD")) {
      if (contentType == null
          || !contentType.toLowerCase().startsWith("application/problem+json")) {
        found.add("not-problem-json:" + contentType);
      } else {
        problemViolations(status, body, found);
      }
    }
    return found;
  }

  private static void problemViolations(int status, String body, List<String> found) {
    JsonObject problem;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue v = reader.readValue();
      if (!(v instanceof JsonObject o)) {
        found.add("problem-not-object");
        return;
      }
      problem = o;
    } catch (RuntimeException e) {
      found.add("problem-not-json");
      return;
    }
    if (!(problem.get("status") instanceof JsonNumber n) || n.intValue() != status) {
      found.add("problem-status-mismatch:" + problem.get("status"));
    }
    if (!(problem.get("type") instanceof JsonString)) {
      found.add("problem-no-type");
    }
    if (!(problem.get("request_id") instanceof JsonString)) {
      found.add("problem-no-request-id");
    }
  }
}

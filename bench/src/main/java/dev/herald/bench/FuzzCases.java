package dev.herald.bench;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Malformed requests for every operation of the OpenAPI document: a fixed catalogue (every body
 * member, path parameter, query parameter and header against every value of {@link FuzzValues},
 * whole-body garbage, other methods, other credentials) and, on top, random mutations from a seed.
 */
final class FuzzCases {

  /** One request to send; {@code family} says which kind of mutation made it. */
  record FuzzCase(
      String family,
      String method,
      String template,
      String path,
      Map<String, String> headers,
      byte[] body) {}

  record Param(String name, String in) {}

  record Operation(String method, String template, List<Param> params, JsonValue baseline) {
    String key() {
      return method + " " + template;
    }

    boolean admin() {
      return template.startsWith("/api/v1/admin/");
    }

    boolean anonymous() {
      return template.startsWith("/api/v1/auth/") || template.startsWith("/api/v1/billing/");
    }
  }

  private static final List<String> METHODS =
      List.of(
          "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FUZZ");

  final List<Operation> operations = new ArrayList<>();
  private final Map<String, String> pathIds;
  private final String adminToken;
  private final String userToken;
  private final byte[] billingSecret;

  FuzzCases(
      JsonObject openapi,
      JsonObject bodies,
      Map<String, String> pathIds,
      String adminToken,
      String userToken,
      String billingSecret) {
    this.pathIds = pathIds;
    this.adminToken = adminToken;
    this.userToken = userToken;
    this.billingSecret = billingSecret.getBytes(StandardCharsets.UTF_8);
    openapi
        .getJsonObject("paths")
        .forEach(
            (template, item) ->
                item.asJsonObject()
                    .forEach(
                        (method, op) -> {
                          if (streams(op.asJsonObject())) {
                            return; // an event stream never ends: a request would hang the run
                          }
                          List<Param> params = new ArrayList<>();
                          JsonArray declared = op.asJsonObject().getJsonArray("parameters");
                          if (declared != null) {
                            declared.forEach(
                                p ->
                                    params.add(
                                        new Param(
                                            p.asJsonObject().getString("name"),
                                            p.asJsonObject().getString("in"))));
                          }
                          String key = method.toUpperCase() + " " + template;
                          operations.add(
                              new Operation(
                                  method.toUpperCase(), template, params, bodies.get(key)));
                        }));
  }

  /** An operation whose success answer is a server-sent event stream ({@code /bot/events}). */
  private static boolean streams(JsonObject op) {
    JsonObject responses = op.getJsonObject("responses");
    return responses != null
        && responses.values().stream()
            .map(JsonValue::asJsonObject)
            .map(response -> response.getJsonObject("content"))
            .anyMatch(content -> content != null && content.containsKey("text/event-stream"));
  }

  // ---- the catalogue ----

  List<FuzzCase> catalogue() {
    List<FuzzCase> cases = new ArrayList<>();
    for (Operation op : operations) {
      cases.add(request("valid", op, Map.of(), Map.of(), body(op)));
      if (op.baseline() != null) {
        for (List<Object> member : members(op.baseline(), new ArrayList<>())) {
          cases.add(
              request(
                  "body-member-missing",
                  op,
                  Map.of(),
                  Map.of(),
                  render(op.baseline(), member, null)));
          for (String value : FuzzValues.JSON) {
            cases.add(
                request(
                    "body-member", op, Map.of(), Map.of(), render(op.baseline(), member, value)));
          }
        }
        for (String whole : wholeBodies(body(op))) {
          cases.add(request("body-whole", op, Map.of(), Map.of(), whole));
        }
      }
      for (Param p : op.params()) {
        List<String> values = new ArrayList<>(FuzzValues.STRINGS);
        values.addAll(
            List.of(
                "1.5",
                "1e3",
                "0x10",
                "\uff11",
                "9223372036854775808",
                "-9223372036854775809",
                "%",
                "%zz",
                "%00",
                "..",
                "{id}",
                "a".repeat(600)));
        for (String v : values) {
          switch (p.in()) {
            case "path" ->
                cases.add(request("path-param", op, Map.of(p.name(), v), Map.of(), body(op)));
            case "query" ->
                cases.add(request("query-param", op, Map.of(p.name(), v), Map.of(), body(op)));
            case "header" ->
                cases.add(
                    withHeader(
                        "header-param",
                        request("header-param", op, Map.of(), Map.of(), body(op)),
                        p.name(),
                        v));
            default -> {}
          }
        }
      }
      cases.addAll(headerCases(op));
      cases.addAll(authCases(op));
    }
    cases.addAll(methodCases());
    return cases;
  }

  private List<String> wholeBodies(String valid) {
    List<String> bodies =
        new ArrayList<>(
            List.of(
                "",
                " ",
                "null",
                "[]",
                "{}",
                "\"text\"",
                "123",
                "true",
                "{",
                "{\"a\":",
                "}",
                "[{]",
                "{\"a\" 1}",
                "{'single': 'quotes'}",
                "{\"a\":1,}",
                "\ufeff" + valid,
                valid + "garbage",
                valid + valid,
                valid.substring(0, valid.length() / 2),
                "[" + valid + "]",
                "{\"x\":" + valid + "}",
                "[".repeat(100_000),
                "{\"a\":\"" + "b".repeat(70_000) + "\"}",
                valid.replace(":", ":: "),
                "\u0000",
                valid.replaceFirst("\\{", "{\"unknown_member\":1,\"__proto__\":{},")));
    if (valid.length() > 2) {
      bodies.add("{" + valid.substring(1, valid.length() - 1) + "," + valid.substring(1));
    }
    return bodies;
  }

  private List<FuzzCase> headerCases(Operation op) {
    List<FuzzCase> cases = new ArrayList<>();
    FuzzCase base = request("header", op, Map.of(), Map.of(), body(op));
    cases.addAll(
        withEach(
            "header",
            base,
            "Content-Type",
            List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/json; charset=utf-16",
                "application/json; charset=nonsense",
                "application/json;;;",
                "garbage",
                "*/*",
                "application/problem+json",
                "application/json; q=abc")));
    cases.addAll(
        withEach(
            "header",
            base,
            "Accept",
            List.of(
                "application/xml",
                "text/html",
                "garbage/",
                "*/*;q=abc",
                "application/problem+json",
                "image/png, */*;q=0")));
    cases.addAll(
        withEach(
            "header",
            base,
            "X-Request-Id",
            List.of(
                "a".repeat(300), "../../etc", "<script>", "id with spaces", "\u00e9t\u00e9", "")));
    cases.add(withHeader("header", base, "X-Forwarded-For", "garbage, 999.999.999.999, ::1"));
    cases.add(withHeader("header", base, "Content-Encoding", "gzip"));
    cases.add(withHeader("header", base, "Origin", "https://evil.example"));
    cases.add(withHeader("header", base, "Accept-Charset", "nonsense"));
    cases.add(withHeader("header", base, "X-User-Id", "1"));
    return cases;
  }

  private List<FuzzCase> authCases(Operation op) {
    return withEach(
        "auth",
        request("auth", op, Map.of(), Map.of(), body(op)),
        "Authorization",
        List.of(
            "",
            "Bearer",
            "Bearer ",
            "Bearer a.b.c",
            "Basic YWRtaW46YWRtaW4=",
            "Bearer " + userToken,
            "Bearer " + adminToken + "x",
            "bearer " + userToken,
            "Bearer " + userToken + " " + userToken));
  }

  private List<FuzzCase> methodCases() {
    List<FuzzCase> cases = new ArrayList<>();
    Map<String, List<Operation>> byPath = new LinkedHashMap<>();
    operations.forEach(op -> byPath.computeIfAbsent(op.template(), k -> new ArrayList<>()).add(op));
    byPath.forEach(
        (template, ops) -> {
          for (String method : METHODS) {
            if (ops.stream().noneMatch(o -> o.method().equals(method))) {
              Operation other =
                  new Operation(method, template, ops.get(0).params(), ops.get(0).baseline());
              cases.add(
                  request(
                      "method",
                      other,
                      Map.of(),
                      Map.of(),
                      method.equals("GET") || method.equals("HEAD") ? null : body(ops.get(0))));
            }
          }
        });
    return cases;
  }

  // ---- random mutations ----

  FuzzCase random(Random random) {
    Operation op = operations.get(random.nextInt(operations.size()));
    Map<String, String> params = new LinkedHashMap<>();
    for (Param p : op.params()) {
      if (!p.in().equals("header") && random.nextInt(3) == 0) {
        params.put(
            p.name(),
            random.nextBoolean()
                ? FuzzValues.randomAscii(random)
                : FuzzValues.STRINGS.get(random.nextInt(FuzzValues.STRINGS.size())));
      }
    }
    String body = body(op);
    if (op.baseline() != null) {
      List<List<Object>> members = members(op.baseline(), new ArrayList<>());
      JsonValue tree = op.baseline();
      int n = 1 + random.nextInt(3);
      body =
          render(
              tree, members.get(random.nextInt(members.size())), FuzzValues.randomJson(random, 0));
      if (n > 1 && random.nextBoolean()) {
        body = FuzzValues.randomJson(random, 0);
      }
    } else if (!op.method().equals("GET")
        && !op.method().equals("DELETE")
        && random.nextInt(4) == 0) {
      body = FuzzValues.randomJson(random, 0);
    }
    return request("random", op, params, Map.of(), body);
  }

  // ---- building requests ----

  private FuzzCase request(
      String family,
      Operation op,
      Map<String, String> params,
      Map<String, String> extraHeaders,
      String body) {
    String path = op.template();
    StringBuilder query = new StringBuilder();
    for (Param p : op.params()) {
      String value = params.get(p.name());
      if (p.in().equals("path")) {
        path =
            path.replace(
                "{" + p.name() + "}",
                encode(
                    value != null
                        ? value
                        : pathIds.getOrDefault(p.name() + "@" + op.template(), "1")));
      } else if (p.in().equals("query") && value != null) {
        query
            .append(query.isEmpty() ? "?" : "&")
            .append(encode(p.name()))
            .append('=')
            .append(encode(value));
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (!op.anonymous()) {
      headers.put("Authorization", "Bearer " + (op.admin() ? adminToken : userToken));
    }
    byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    if (bytes != null) {
      headers.put("Content-Type", "application/json");
    }
    if (op.template().startsWith("/api/v1/billing/")) {
      sign(headers, bytes == null ? new byte[0] : bytes);
    }
    headers.putAll(extraHeaders);
    return new FuzzCase(family, op.method(), op.template(), path + query, headers, bytes);
  }

  /** One case of {@code base} for each of {@code values} of the header {@code name}. */
  private static List<FuzzCase> withEach(
      String family, FuzzCase base, String name, List<String> values) {
    return values.stream().map(value -> withHeader(family, base, name, value)).toList();
  }

  private static FuzzCase withHeader(String family, FuzzCase base, String name, String value) {
    Map<String, String> headers = new LinkedHashMap<>(base.headers());
    headers.put(name, value);
    return new FuzzCase(family, base.method(), base.template(), base.path(), headers, base.body());
  }

  /** Billing events are signed, so that the fuzzed bodies get past the signature check. */
  private void sign(Map<String, String> headers, byte[] body) {
    try {
      String ts = Long.toString(System.currentTimeMillis() / 1000);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(billingSecret, "HmacSHA256"));
      mac.update((ts + ".").getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : mac.doFinal(body)) {
        hex.append(String.format("%02x", b));
      }
      headers.put("X-Herald-Timestamp", ts);
      headers.put("X-Herald-Signature", "sha256=" + hex);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String body(Operation op) {
    return op.baseline() == null ? null : render(op.baseline(), List.of(), null);
  }

  // ---- JSON trees ----

  /** Every member and array element of a tree, as paths of names and indexes. */
  private static List<List<Object>> members(JsonValue v, List<Object> at) {
    List<List<Object>> all = new ArrayList<>();
    if (v instanceof JsonObject o) {
      o.forEach(
          (k, child) -> {
            List<Object> p = new ArrayList<>(at);
            p.add(k);
            all.add(p);
            all.addAll(members(child, p));
          });
    } else if (v instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        List<Object> p = new ArrayList<>(at);
        p.add(i);
        all.add(p);
        all.addAll(members(a.get(i), p));
      }
    }
    return all;
  }

  /** The tree as JSON text with the node at {@code target} replaced by raw JSON (null: removed). */
  static String render(JsonValue v, List<Object> target, String raw) {
    StringBuilder b = new StringBuilder();
    render(v, new ArrayList<>(), target.isEmpty() ? null : target, raw, b);
    return b.toString();
  }

  private static void render(
      JsonValue v, List<Object> at, List<Object> target, String raw, StringBuilder b) {
    if (at.equals(target)) {
      b.append(raw);
      return;
    }
    if (v instanceof JsonObject o) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonValue> e : o.entrySet()) {
        List<Object> p = new ArrayList<>(at);
        p.add(e.getKey());
        if (raw == null && p.equals(target)) {
          continue;
        }
        b.append(first ? "" : ",").append(FuzzValues.quote(e.getKey())).append(':');
        render(e.getValue(), p, target, raw, b);
        first = false;
      }
      b.append('}');
    } else if (v instanceof JsonArray a) {
      b.append('[');
      boolean first = true;
      for (int i = 0; i < a.size(); i++) {
        List<Object> p = new ArrayList<>(at);
        p.add(i);
        if (raw == null && p.equals(target)) {
          continue;
        }
        b.append(first ? "" : ",");
        render(a.get(i), p, target, raw, b);
        first = false;
      }
      b.append(']');
    } else if (v instanceof JsonString s) {
      b.append(FuzzValues.quote(s.getString()));
    } else {
      b.append(v.toString());
    }
  }
}

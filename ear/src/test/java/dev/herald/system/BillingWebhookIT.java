package dev.herald.system;

import static dev.herald.system.Admins.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The billing webhook: an HMAC-SHA256 signature over timestamp + "." + raw body, a replay window
 * and event-id de-duplication. Bad signatures, stale timestamps and replays are 401 and change
 * nothing.
 */
class BillingWebhookIT extends TenantSystemTest {

  /**
   * Outside the 300-second replay window by a minute: at exactly 301 s a request that waits over a
   * second on a loaded machine (the server compares with its own later clock) is inside it again.
   */
  private static final long STALE_SECONDS = 360;

  static String owner;

  @BeforeAll
  static void start() {
    owner = Admins.ownerToken(SystemUnderTest.get());
  }

  static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256="
          + HexFormat.of()
              .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Api.Reply deliver(String body, long timestamp, String secret) {
    String ts = Long.toString(timestamp);
    return api.post("/api/v1/billing/plan-events", body)
        .header("X-Herald-Timestamp", ts)
        .header("X-Herald-Signature", sign(secret, ts, body))
        .send();
  }

  private static Api.Reply deliver(String body) {
    return deliver(body, Instant.now().getEpochSecond(), SystemUnderTest.BILLING_SECRET);
  }

  private static String event(String eventId, long accountId, String status, long occurredAt) {
    // Spacing and key order are the sender's: the signature covers these exact bytes.
    return "{ \"event_id\": \""
        + eventId
        + "\", \"account_id\": "
        + accountId
        + ", \"plan_status\": \""
        + status
        + "\", \"expires_at\": \"2999-01-01T00:00:00Z\", \"limits\": {\"max_sessions\": 4},"
        + " \"occurred_at\": "
        + occurredAt
        + " }";
  }

  private static String planStatus(long id) {
    return api.get("/api/v1/admin/accounts/" + id)
        .token(owner)
        .send()
        .json()
        .getJsonObject("plan")
        .getString("status");
  }

  private static long newAccount() {
    return Admins.register(api, tokens.tenant(Tokens.newSubject("billing")));
  }

  @Test
  void aSignedEventSetsThePlan() {
    long id = newAccount();
    Api.Reply reply =
        deliver(event("ev-" + UUID.randomUUID(), id, "ACTIVE", Instant.now().getEpochSecond()));
    assertEquals(200, reply.status(), reply::toString);
    assertTrue(reply.json().getBoolean("changed"));
    assertEquals("ACTIVE", planStatus(id));
    assertEquals(
        4,
        api.get("/api/v1/admin/accounts/" + id)
            .token(owner)
            .send()
            .json()
            .getJsonObject("plan")
            .getJsonObject("limits")
            .getInt("max_sessions"));
  }

  @Test
  void billingEventWithABadSignatureIs401AndChangesNothing() {
    long id = newAccount();
    String body = event("ev-" + UUID.randomUUID(), id, "ACTIVE", Instant.now().getEpochSecond());
    assertProblem(
        deliver(body, Instant.now().getEpochSecond(), "wrong-secret"),
        401,
        "billing-signature-invalid");
    String ts = Long.toString(Instant.now().getEpochSecond());
    Api.Reply alteredBody =
        api.post("/api/v1/billing/plan-events", body.replace("ACTIVE", "TRIAL"))
            .header("X-Herald-Timestamp", ts)
            .header("X-Herald-Signature", sign(SystemUnderTest.BILLING_SECRET, ts, body))
            .send();
    assertProblem(alteredBody, 401, "billing-signature-invalid");
    assertProblem(
        api.post("/api/v1/billing/plan-events", body).send(), 401, "billing-signature-invalid");
    assertEquals("INACTIVE", planStatus(id));
  }

  @Test
  void billingEventWithAStaleTimestampIs401AndChangesNothing() {
    long id = newAccount();
    String body = event("ev-" + UUID.randomUUID(), id, "ACTIVE", Instant.now().getEpochSecond());
    assertProblem(
        deliver(
            body, Instant.now().getEpochSecond() - STALE_SECONDS, SystemUnderTest.BILLING_SECRET),
        401,
        "billing-timestamp-stale");
    assertProblem(
        deliver(
            body, Instant.now().getEpochSecond() + STALE_SECONDS, SystemUnderTest.BILLING_SECRET),
        401,
        "billing-timestamp-stale");
    assertEquals("INACTIVE", planStatus(id));
  }

  @Test
  void aReplayedEventIs401EvenFreshlySignedAndChangesNothing() {
    long id = newAccount();
    String eventId = "ev-" + UUID.randomUUID();
    long occurred = Instant.now().getEpochSecond();
    assertEquals(200, deliver(event(eventId, id, "TRIAL", occurred)).status());
    api.put("/api/v1/admin/accounts/" + id + "/plan", JsonBody.of("status", "INACTIVE"))
        .token(owner)
        .send();
    // The same event id again (even with a newer occurred_at and a valid fresh signature).
    assertProblem(deliver(event(eventId, id, "ACTIVE", occurred + 60)), 401, "billing-replay");
    assertEquals("INACTIVE", planStatus(id));
  }

  @Test
  void anOlderEventDoesNotOverwriteNewerPlanData() {
    long id = newAccount();
    long now = Instant.now().getEpochSecond();
    assertEquals(200, deliver(event("ev-" + UUID.randomUUID(), id, "ACTIVE", now)).status());
    Api.Reply older = deliver(event("ev-" + UUID.randomUUID(), id, "INACTIVE", now - 3_600));
    assertEquals(200, older.status(), older::toString);
    assertFalse(older.json().getBoolean("changed"));
    assertEquals("ACTIVE", planStatus(id));
  }

  @Test
  void billingEventsAreFoundByEmailAndBadEventsAre4xxProblems() {
    String email = Admins.newEmail("billing");
    long id =
        Admins.createAccount(api, owner, email, "USER", "billing-password-1")
            .getJsonNumber("id")
            .longValue();
    String byEmail =
        JsonBody.of(
            "event_id",
            "ev-" + UUID.randomUUID(),
            "email",
            email.toUpperCase(),
            "plan_status",
            "EXPIRED",
            "occurred_at",
            Instant.now().toString());
    assertEquals(200, deliver(byEmail).status());
    assertEquals("EXPIRED", planStatus(id));

    assertProblem(deliver(JsonBody.of("plan_status", "ACTIVE")), 400, "invalid-input");
    assertProblem(deliver("not json at all"), 400, "invalid-input");
    assertProblem(
        deliver(
            event(
                "ev-" + UUID.randomUUID(), 999_999_999L, "ACTIVE", Instant.now().getEpochSecond())),
        404,
        "not-found");
    assertProblem(
        deliver(event("ev-" + UUID.randomUUID(), id, "GOLD", Instant.now().getEpochSecond())),
        400,
        "invalid-input");
  }
}

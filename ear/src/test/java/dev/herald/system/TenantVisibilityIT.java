package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the tenant sees why posts fail (every attempt, cycle log reason codes and counts, a
 * last error that clears, idle with the time it resumes) and labels that tell the truth (the
 * transport and dry run per sender, a user bot verified on another transport verified again).
 * Failures come from the sandbox's fault injection.
 */
class TenantVisibilityIT extends EngineSystemTest {

  private static List<JsonObject> deliveries(String token, String query) {
    Api.Reply reply = api.get("/api/v1/bot/deliveries" + query).token(token).send();
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static Optional<JsonObject> firstWithOutcome(List<JsonObject> items, String outcome) {
    return items.stream().filter(d -> outcome.equals(d.getString("outcome"))).findFirst();
  }

  /** A chat name no other test uses: the sandbox's forbidden chats are global. */
  private static String uniqueChat(String stem) {
    return "@" + stem + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }

  private static boolean absentOrNull(JsonObject object, String field) {
    return !object.containsKey(field) || object.get(field) == JsonValue.NULL;
  }

  @Test
  void deliveriesListEachAttemptWithChatSenderOutcomeMessageIdAndError() {
    String subject = Tokens.newSubject("deliveries");
    String token = tokens.tenant(subject);
    String denied = uniqueChat("vis_denied");
    fixtures.sandboxFaults(JsonBody.of("forbidden_chats", List.of(denied)));
    long account = fixtures.runningBot(token, subject, 1, 1, "@vis_open", denied);
    long session =
        fixtures.count(
            "SELECT id FROM telegram_session WHERE assigned_account_id = ? LIMIT 1", account);

    Poll.until(
        "a delivered and a forbidden attempt listed",
        Duration.ofSeconds(20),
        () -> {
          List<JsonObject> items = deliveries(token, "");
          return firstWithOutcome(items, "DELIVERED").isPresent()
              && firstWithOutcome(items, "CHAT_FORBIDDEN").isPresent();
        });

    List<JsonObject> items = deliveries(token, "");
    JsonObject delivered = firstWithOutcome(items, "DELIVERED").orElseThrow();
    assertEquals("@vis_open", delivered.getString("chat"));
    assertEquals("SESSION", delivered.getString("sender_kind"));
    assertEquals(session, delivered.getJsonNumber("sender_id").longValue());
    assertTrue(delivered.getJsonNumber("telegram_message_id").longValue() > 0, delivered::toString);
    assertTrue(absentOrNull(delivered, "error"), delivered::toString);
    JsonObject forbidden = firstWithOutcome(items, "CHAT_FORBIDDEN").orElseThrow();
    assertEquals(denied, forbidden.getString("chat"));
    assertFalse(forbidden.getString("error").isBlank(), forbidden::toString);
    assertTrue(absentOrNull(forbidden, "telegram_message_id"), forbidden::toString);
    assertNotNull(forbidden.getString("finished_at"));

    // Newest first, a page at a time, no attempt twice.
    Api.Reply first = api.get("/api/v1/bot/deliveries?limit=1").token(token).send();
    String cursor = first.json().getString("next_cursor");
    long firstId =
        first.json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    List<JsonObject> second = deliveries(token, "?limit=1&cursor=" + cursor);
    assertEquals(1, second.size());
    assertTrue(second.get(0).getJsonNumber("id").longValue() < firstId);
    assertEquals(
        400, api.get("/api/v1/bot/deliveries?cursor=not-a-cursor!").token(token).send().status());
  }

  @Test
  void anotherTenantsDeliveriesAreNeverListed() {
    ActiveTenant tenant = runningTenant("deliveries-owner", 1, 1, "@vis_private");
    Poll.until(
        "an attempt of the owner",
        Duration.ofSeconds(20),
        () -> !deliveries(tenant.token(), "").isEmpty());

    String strangerSubject = Tokens.newSubject("deliveries-stranger");
    String stranger = tokens.tenant(strangerSubject);
    fixtures.activeAccount(stranger, strangerSubject, 1);
    assertTrue(deliveries(stranger, "").isEmpty());
  }

  @Test
  void cycleLogEntriesCarryTheMostFrequentFailureAsReasonAndCountEachOutcome() {
    String subject = Tokens.newSubject("cycle-log");
    String token = tokens.tenant(subject);
    String prefix = uniqueChat("vis_shut");
    fixtures.sandboxFaults(JsonBody.of("forbidden_chats", List.of(prefix + "*")));
    fixtures.runningBot(token, subject, 1, 1, "@vis_fine", prefix + "a", prefix + "b");
    Pattern counts = Pattern.compile("cycle \\d+: 1 delivered, 2 chat forbidden");

    Poll.until(
        "a cycle log entry with its reason and counts",
        Duration.ofSeconds(20),
        () ->
            api
                .get("/api/v1/bot/logs")
                .token(token)
                .send()
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .anyMatch(
                    e ->
                        "CYCLE_FAILURES".equals(e.getString("event"))
                            && "CHAT_FORBIDDEN".equals(e.getString("reason_code", null))
                            && counts.matcher(e.getString("message")).matches()));
  }

  @Test
  void lastErrorReasonClearsOnceACycleDeliversAgain() {
    String subject = Tokens.newSubject("error-clears");
    String token = tokens.tenant(subject);
    fixtures.sandboxFaults(JsonBody.of("flood_wait_every", 1, "flood_wait_seconds", 3));
    fixtures.runningBot(token, subject, 1, 1, "@vis_recovering");
    Poll.until(
        "a last error while the only session cools down",
        Duration.ofSeconds(20),
        () -> !absentOrNull(botState(token), "last_error_reason"));

    fixtures.noSandboxFaults();

    Poll.until(
        "the last error cleared by a delivered post",
        Duration.ofSeconds(30),
        () -> absentOrNull(botState(token), "last_error_reason"));
    assertFalse(botState(token).getBoolean("is_idle"));
  }

  @Test
  void isIdleWithTheTimeItResumesWhileEverySenderCoolsDown() {
    String subject = Tokens.newSubject("cooling");
    String token = tokens.tenant(subject);
    fixtures.sandboxFaults(JsonBody.of("flood_wait_every", 1, "flood_wait_seconds", 120));
    fixtures.runningBot(token, subject, 2, 2, "@vis_cool_a", "@vis_cool_b");

    Poll.until(
        "idle while both sessions cool down",
        Duration.ofSeconds(20),
        () -> botState(token).getBoolean("is_idle"));

    JsonObject state = botState(token);
    assertEquals("RUNNING", state.getString("status"));
    Instant resumesAt = Instant.parse(state.getString("resumes_at"));
    assertTrue(resumesAt.isAfter(Instant.now()), state::toString);
    assertTrue(resumesAt.isBefore(Instant.now().plusSeconds(121)), state::toString);
    List<JsonObject> senders = state.getJsonArray("senders").getValuesAs(JsonObject.class);
    assertEquals(2, senders.size(), state::toString);
    for (JsonObject sender : senders) {
      assertFalse(sender.getBoolean("available"), sender::toString);
      assertFalse(
          Instant.parse(sender.getString("available_at")).isBefore(resumesAt), sender::toString);
    }
  }

  @Test
  void stateLabelsEachSenderWithItsTransportAndDryRun() {
    ActiveTenant tenant = runningTenant("labels", 2, 2, "@vis_labels");

    JsonObject state = botState(tenant.token());
    List<JsonObject> senders = state.getJsonArray("senders").getValuesAs(JsonObject.class);
    assertEquals(2, senders.size(), state::toString);
    for (JsonObject sender : senders) {
      assertEquals("SESSION", sender.getString("kind"));
      assertEquals("sandbox", sender.getString("transport"));
      assertTrue(sender.getBoolean("dry_run"), sender::toString);
      assertTrue(sender.getString("name").startsWith("session#"), sender::toString);
    }
    assertEquals("sandbox", state.getString("transport"));
    assertTrue(state.getBoolean("dry_run"));

    String ready = api.get("/health/ready").send().body();
    assertTrue(
        ready.replace(" ", "").contains("\"dry_run\":true"),
        "readiness says the node is a dry run: " + ready);
  }

  @Test
  void aUserBotVerifiedOnAnotherTransportMustBeVerifiedAgain() {
    fixtures.drainPool();
    ActiveTenant tenant = activeTenant("reverify", 1);
    fixtures.completeConfig(tenant.token(), "@vis_reverify");
    api.post("/api/v1/user-bot", JsonBody.of("token", UserBotIT.botToken()))
        .token(tenant.token())
        .send();
    JsonObject verified =
        api.post("/api/v1/user-bot/verify", "{}").token(tenant.token()).send().json();
    assertTrue(verified.getBoolean("verified"), verified::toString);
    assertEquals("sandbox", verified.getString("verified_transport"));

    // As if verified while user bots posted through the real Bot API; this server uses the sandbox.
    fixtures.sql(
        "UPDATE user_bot SET verified_transport = 'botapi' WHERE account_id = ?", tenant.account());

    JsonObject bot = api.get("/api/v1/user-bot").token(tenant.token()).send().json();
    assertFalse(bot.getBoolean("verified"), bot::toString);
    // A change outside the API shows in the poll once announced to this node's state cache.
    JsonObject sender =
        stateShowing(
                tenant.token(),
                "the user bot no sender",
                state -> !state.getJsonArray("senders").getJsonObject(0).getBoolean("available"))
            .getJsonArray("senders")
            .getJsonObject(0);
    assertEquals("USER_BOT", sender.getString("kind"));
    assertFalse(sender.getBoolean("available"), sender::toString);
    assertTrue(sender.getString("note").contains("verify it again"), sender::toString);
    Api.Reply refused = api.post("/api/v1/bot/start", "").token(tenant.token()).send();
    assertEquals(409, refused.status(), "not a sender until verified again: " + refused);

    JsonObject again =
        api.post("/api/v1/user-bot/verify", "{}").token(tenant.token()).send().json();
    assertTrue(again.getBoolean("verified"), again::toString);
    assertEquals("sandbox", again.getString("verified_transport"));
    Api.Reply started = api.post("/api/v1/bot/start", "").token(tenant.token()).send();
    assertEquals(200, started.status(), started::toString);
    assertTrue(
        started.json().getJsonArray("senders").getJsonObject(0).getBoolean("available"),
        started::toString);
  }
}

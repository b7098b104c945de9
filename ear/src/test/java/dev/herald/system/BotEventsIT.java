package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.EventStreamClient;
import dev.herald.launcher.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/bot/events} (issue 16.4): a change reaches a connected client within a second,
 * a reconnect with Last-Event-ID replays exactly what was missed, a tenant sees only its own
 * events, and the stream needs a token like every endpoint.
 */
class BotEventsIT extends TenantSystemTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void startReachesAConnectedClientWithinOneSecond() {
    fixtures.noSandboxFaults();
    String subject = Tokens.newSubject("events-live");
    String token = tokens.tenant(subject);
    long pair = fixtures.apiPair(7);
    fixtures.session(pair);
    fixtures.activeAccount(token, subject, 1);
    fixtures.completeConfig(token, "@events_live");
    try (EventStreamClient stream = open(token, null)) {
      EventStreamClient.Event initial = stream.next(e -> e.name().equals("state"), WAIT);
      assertNotNull(initial, "the current state comes first");
      assertEquals("STOPPED", json(initial).getString("status"));

      Api.Reply started = api.post("/api/v1/bot/start", "").token(token).send();
      long answered = System.nanoTime();
      assertEquals(200, started.status(), started::toString);
      EventStreamClient.Event running =
          stream.next(e -> e.name().equals("state") && status(e).equals("RUNNING"), WAIT);
      assertNotNull(running, "a state event with RUNNING");
      long lagMs = (running.receivedNanos() - answered) / 1_000_000;
      assertTrue(lagMs <= 1000, "RUNNING arrived " + lagMs + " ms after the start's answer");
      api.post("/api/v1/bot/stop", "").token(token).send();
    }
  }

  /**
   * A stopped bot's dashboard learns of changes outside its bot row (V92): its plan, its session
   * cooling down, the session taken away by an admin (and its replacement from the pool). Before,
   * none of these reached an open stream until the bot's next cycle, which a stopped bot never has.
   */
  @Test
  void changesOutsideTheBotRowReachAStoppedBotsStream() {
    fixtures.noSandboxFaults();
    ActiveTenant tenant = runningTenant("events-rows", 1, 1, "@events_rows_a", "@events_rows_b");
    stopped(tenant);
    long session =
        fixtures.count(
            "SELECT id FROM telegram_session WHERE assigned_account_id = ?", tenant.account());
    try (EventStreamClient stream = open(tenant.token(), null)) {
      JsonObject initial = json(stream.next(e -> e.name().equals("state"), WAIT));
      assertEquals(0, initial.getJsonArray("plan_cuts").size(), initial::toString);
      assertTrue(sender(initial).getBoolean("available"), initial::toString);

      fixtures.sql("UPDATE account SET max_groups = 1 WHERE id = ?", tenant.account());
      assertNotNull(
          stream.next(
              e -> e.name().equals("state") && json(e).getJsonArray("plan_cuts").size() == 1, WAIT),
          "a state event with the plan's cut after the plan changed");

      fixtures.sql(
          "UPDATE telegram_session SET flood_wait_until = now() + interval '10 minutes' WHERE id ="
              + " ?",
          session);
      assertNotNull(
          stream.next(
              e -> e.name().equals("state") && !sender(json(e)).getBoolean("available"), WAIT),
          "a state event with the session cooling down");

      Api.Reply released =
          api.post("/api/v1/admin/sessions/" + session + "/release", "")
              .token(fixtures.adminToken())
              .send();
      assertEquals(200, released.status(), released::toString);
      // The session cooling down leaves; a replacement from the pool, if one is free, takes its
      // place (SessionPenalties.releaseAndReplace), so no sender is left waiting.
      assertNotNull(
          stream.next(
              e ->
                  e.name().equals("state")
                      && json(e).getJsonArray("senders").stream()
                          .allMatch(sender -> sender.asJsonObject().getBoolean("available")),
              WAIT),
          "a state event without the released session");
      assertEquals(
          0,
          fixtures.count(
              "SELECT count(*) FROM telegram_session WHERE id = ? AND assigned_account_id IS NOT"
                  + " NULL",
              session),
          "the released session is back in the pool");
    }
  }

  /** Stops the tenant's bot and waits until it is STOPPED. */
  private static void stopped(ActiveTenant tenant) {
    api.post("/api/v1/bot/stop", "").token(tenant.token()).send();
    Poll.until(
        "the bot stopped",
        WAIT,
        () ->
            "STOPPED"
                .equals(
                    fixtures.string(
                        "SELECT status FROM bot WHERE account_id = ?", tenant.account())));
  }

  private static JsonObject sender(JsonObject state) {
    return state.getJsonArray("senders").getJsonObject(0);
  }

  @Test
  void reconnectWithLastEventIdReplaysWhatWasMissed() {
    fixtures.noSandboxFaults();
    ActiveTenant tenant = runningTenant("events-replay", 1, 1, "@events_a", "@events_b");
    List<EventStreamClient.Event> seen = new ArrayList<>();
    try (EventStreamClient stream = open(tenant.token(), "0-0")) {
      for (int deliveries = 0; deliveries < 2; ) {
        EventStreamClient.Event event = stream.next(e -> e.id() != null, WAIT);
        assertNotNull(event, "log and delivery events while the bot runs");
        seen.add(event);
        deliveries += event.name().equals("delivery") ? 1 : 0;
      }
    }
    String lastId = seen.get(seen.size() - 1).id();
    long finishedWhenClosed = finishedDeliveries(tenant.account());
    Poll.until(
        "deliveries while no client is connected",
        WAIT,
        () -> finishedDeliveries(tenant.account()) >= finishedWhenClosed + 3);
    stopped(tenant);

    List<EventStreamClient.Event> replayed = new ArrayList<>();
    try (EventStreamClient stream = open(tenant.token(), lastId)) {
      while (true) {
        EventStreamClient.Event event = stream.next(e -> !e.name().equals(":comment"), WAIT);
        assertNotNull(event, "the replay ends with the current state");
        if (event.name().equals("state")) {
          assertEquals("STOPPED", status(event));
          break;
        }
        replayed.add(event);
      }
    }
    assertFalse(replayed.isEmpty(), "the missed events are replayed before the state");
    assertIncreasing(seen, replayed);

    List<EventStreamClient.Event> all = new ArrayList<>(seen);
    all.addAll(replayed);
    assertEquals(logIdsFromApi(tenant.token()), idsOf(all, "log", "id"), "every log entry, once");
    assertEquals(
        deliveryIdsFromDatabase(tenant.account()),
        idsOf(all, "delivery", "delivery_id"),
        "every finished delivery, once");
  }

  @Test
  void aTenantNeverSeesAnotherTenantsEvents() {
    fixtures.noSandboxFaults();
    String subjectA = Tokens.newSubject("events-a");
    String subjectB = Tokens.newSubject("events-b");
    String tokenA = tokens.tenant(subjectA);
    String tokenB = tokens.tenant(subjectB);
    fixtures.activeAccount(tokenB, subjectB, 1);
    try (EventStreamClient streamB = open(tokenB, "0-0")) {
      EventStreamClient.Event ownState = streamB.next(e -> e.name().equals("state"), WAIT);
      assertNotNull(ownState, "B's own state");
      long accountA = fixtures.runningBot(tokenA, subjectA, 1, 1, "@events_other");
      try (EventStreamClient streamA = open(tokenA, null)) {
        Poll.until(
            "A's deliveries",
            WAIT,
            () -> streamA.next(e -> e.name().equals("delivery"), Duration.ofMillis(100)) != null);
        api.post("/api/v1/bot/stop", "").token(tokenA).send();
        assertNotNull(
            streamA.next(e -> e.name().equals("state") && !status(e).equals("RUNNING"), WAIT),
            "A sees its stop");
      }
      assertTrue(finishedDeliveries(accountA) > 0);
      // B's own state may come again (a dispatcher that reconnects re-sends every state); A's
      // never.
      List<EventStreamClient.Event> leaked =
          streamB.drain().stream()
              .filter(e -> !e.name().equals(":comment"))
              .filter(e -> !(e.name().equals("state") && e.data().equals(ownState.data())))
              .toList();
      assertEquals(List.of(), leaked, "B received nothing of A's");
    }
  }

  @Test
  void theStreamNeedsAValidToken() {
    Api.Reply anonymous =
        api.get("/api/v1/bot/events").header("Accept", "text/event-stream").send();
    assertEquals(401, anonymous.status(), anonymous::toString);
    assertTrue(anonymous.header("Content-Type").startsWith("application/problem+json"));

    ActiveTenant tenant = activeTenant("events-bad-id", 1);
    Api.Reply malformed =
        api.get("/api/v1/bot/events")
            .token(tenant.token())
            .header("Accept", "text/event-stream")
            .header("Last-Event-ID", "not-a-cursor")
            .send();
    assertEquals(400, malformed.status(), malformed::toString);
    assertTrue(malformed.body().contains("Last-Event-ID"), malformed::toString);
  }

  private static EventStreamClient open(String token, String lastEventId) {
    return EventStreamClient.open(
        HTTP, SystemUnderTest.get().server().baseUrl(), token, lastEventId);
  }

  private static JsonObject json(EventStreamClient.Event event) {
    return Json.createReader(new StringReader(event.data())).readObject();
  }

  private static String status(EventStreamClient.Event event) {
    return json(event).getString("status");
  }

  /** Every event's id grows in both of its parts, across the two connections. */
  private static void assertIncreasing(
      List<EventStreamClient.Event> first, List<EventStreamClient.Event> second) {
    long[] previous = {0, 0};
    List<EventStreamClient.Event> all = new ArrayList<>(first);
    all.addAll(second);
    for (EventStreamClient.Event e : all) {
      if (e.id() == null) {
        continue;
      }
      String[] parts = e.id().split("-");
      long log = Long.parseLong(parts[0]);
      long delivery = Long.parseLong(parts[1]);
      assertTrue(log >= previous[0] && delivery >= previous[1], "ids grow: " + e.id());
      assertTrue(log + delivery > previous[0] + previous[1], "each id is new: " + e.id());
      previous[0] = log;
      previous[1] = delivery;
    }
  }

  private static TreeSet<Long> idsOf(
      List<EventStreamClient.Event> events, String name, String key) {
    List<Long> ids =
        events.stream()
            .filter(e -> e.name().equals(name))
            .map(e -> json(e).getJsonNumber(key).longValue())
            .toList();
    TreeSet<Long> unique = new TreeSet<>(ids);
    assertEquals(ids.size(), unique.size(), name + " events are not repeated");
    return unique;
  }

  private static TreeSet<Long> logIdsFromApi(String token) {
    JsonArray items =
        api.get("/api/v1/bot/logs?limit=200").token(token).send().json().getJsonArray("items");
    return items.stream()
        .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static TreeSet<Long> deliveryIdsFromDatabase(long account) {
    TreeSet<Long> ids = new TreeSet<>();
    String list =
        fixtures.string(
            "SELECT string_agg(id::text, ',') FROM delivery_record WHERE account_id = ? AND outcome"
                + " <> 'SENDING'",
            account);
    for (String id : list.split(",")) {
      ids.add(Long.parseLong(id));
    }
    return ids;
  }

  private static long finishedDeliveries(long account) {
    return fixtures.count(
        "SELECT count(*) FROM delivery_record WHERE account_id = ? AND outcome <> 'SENDING'",
        account);
  }
}

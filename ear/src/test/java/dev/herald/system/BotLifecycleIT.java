package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** SPEC rule 3 (start), rule 6's API half (stop), and race-safe session allocation. */
class BotLifecycleIT extends TenantSystemTest {

  private static String problemType(Api.Reply reply) {
    return reply.json().getString("type").replace("https://herald.dev/problems/", "");
  }

  @Test
  void startIsRefusedWhenPlanExpired() {
    String subject = Tokens.newSubject("expired-plan");
    String token = tokens.tenant(subject);
    fixtures.account(token, subject, "ACTIVE", "now() - interval '1 minute'", 1);
    fixtures.completeConfig(token, "@expired_group");
    Api.Reply reply = api.post("/api/v1/bot/start", "").token(token).send();
    assertEquals(403, reply.status(), reply::toString);
    assertEquals("plan-expired", problemType(reply));
    assertTrue(reply.json().getString("detail").contains("Renew"), reply::toString);
  }

  @Test
  void startIsRefusedWhenPlanInactive() {
    String subject = Tokens.newSubject("inactive-plan");
    String token = tokens.tenant(subject);
    fixtures.account(token, subject, "INACTIVE", "NULL", 1);
    fixtures.completeConfig(token, "@inactive_group");
    Api.Reply reply = api.post("/api/v1/bot/start", "").token(token).send();
    assertEquals(403, reply.status(), reply::toString);
    assertEquals("plan-inactive", problemType(reply));
  }

  @Test
  void startIsRefusedWhenConfigIncomplete() {
    String subject = Tokens.newSubject("incomplete");
    String token = tokens.tenant(subject);
    fixtures.activeAccount(token, subject, 1);
    Api.Reply reply = api.post("/api/v1/bot/start", "").token(token).send();
    assertEquals(422, reply.status(), reply::toString);
    assertEquals("config-incomplete", problemType(reply));
    assertEquals(2, reply.json().getJsonArray("errors").size());
  }

  @Test
  void startAssignsSessionsLazilyUpToThePlanAndStopStopsTheBot() {
    long pair = fixtures.apiPair(7);
    fixtures.session(pair);
    fixtures.session(pair);
    fixtures.session(pair);
    String subject = Tokens.newSubject("starter");
    String token = tokens.tenant(subject);
    long account = fixtures.activeAccount(token, subject, 2);
    fixtures.completeConfig(token, "@lifecycle_group");
    assertEquals(
        0,
        fixtures.count(
            "SELECT count(*) FROM telegram_session WHERE assigned_account_id = ?", account));

    Api.Reply started = api.post("/api/v1/bot/start", "").token(token).send();
    assertEquals(200, started.status(), started::toString);
    JsonObject state = started.json();
    assertEquals("RUNNING", state.getString("status"));
    assertEquals(2, state.getJsonArray("senders").size());
    assertTrue(state.getBoolean("dry_run"));
    assertEquals(
        2,
        fixtures.count(
            "SELECT count(*) FROM telegram_session WHERE assigned_account_id = ?", account));

    Api.Reply stopped = api.post("/api/v1/bot/stop", "").token(token).send();
    assertEquals(200, stopped.status(), stopped::toString);
    String status = stopped.json().getString("status");
    assertTrue(status.equals("STOPPED") || status.equals("STOPPING"), status);
    assertEquals("USER", stopped.json().getString("stop_reason"));
  }

  @Test
  void sessionsComeFromTheApiPairWithTheMostFreeCapacityAndNeverExceedIt() {
    fixtures.drainPool();
    long small = fixtures.apiPair(1);
    long large = fixtures.apiPair(3);
    fixtures.session(small);
    fixtures.session(small);
    fixtures.session(large);
    fixtures.session(large);
    String subject = Tokens.newSubject("capacity");
    String token = tokens.tenant(subject);
    long account = fixtures.activeAccount(token, subject, 7);
    fixtures.completeConfig(token, "@capacity_group");

    assertEquals(200, api.post("/api/v1/bot/start", "").token(token).send().status());
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM telegram_session WHERE assigned_account_id = ? AND api_pair_id ="
                + " ?",
            account,
            small));
    assertEquals(
        2,
        fixtures.count(
            "SELECT count(*) FROM telegram_session WHERE assigned_account_id = ? AND api_pair_id ="
                + " ?",
            account,
            large));
  }

  @Test
  void startIsRefusedWhenNoSenderIsAvailable() {
    fixtures.drainPool();
    String subject = Tokens.newSubject("no-sender");
    String token = tokens.tenant(subject);
    fixtures.activeAccount(token, subject, 3);
    fixtures.completeConfig(token, "@nosender_group");
    Api.Reply reply = api.post("/api/v1/bot/start", "").token(token).send();
    assertEquals(409, reply.status(), reply::toString);
    assertEquals("no-sender-available", problemType(reply));
    assertEquals(
        "STOPPED", api.get("/api/v1/bot/state").token(token).send().json().getString("status"));
  }

  @Test
  void aVerifiedUserBotIsASenderWhenThePoolIsEmpty() {
    fixtures.drainPool();
    String subject = Tokens.newSubject("own-bot");
    String token = tokens.tenant(subject);
    long account = fixtures.activeAccount(token, subject, 1);
    fixtures.completeConfig(token, "@own_bot_group");
    assertEquals(
        201,
        api.post("/api/v1/user-bot", "{\"token\":\"" + UserBotIT.botToken() + "\"}")
            .token(token)
            .send()
            .status());
    assertEquals(200, api.post("/api/v1/user-bot/verify", "{}").token(token).send().status());

    Api.Reply started = api.post("/api/v1/bot/start", "").token(token).send();
    assertEquals(200, started.status(), started::toString);
    assertTrue(
        started
            .json()
            .getJsonArray("senders")
            .getJsonObject(0)
            .getString("name")
            .startsWith("user-bot"),
        started::toString);
    Poll.until(
        "a post through the tenant's own bot",
        java.time.Duration.ofSeconds(10),
        () ->
            fixtures.count(
                    "SELECT count(*) FROM delivery_record WHERE account_id = ? AND sender_kind ="
                        + " 'USER_BOT' AND outcome = 'DELIVERED'",
                    account)
                >= 1);
    api.post("/api/v1/bot/stop", "").token(token).send();
  }

  @Test
  void concurrentStartsForTheLastFreeSessionHaveExactlyOneWinner() throws Exception {
    fixtures.drainPool();
    long lastSession = fixtures.session(fixtures.apiPair(7));
    int contenders = 8;
    List<String> tokensOfContenders = new ArrayList<>();
    for (int i = 0; i < contenders; i++) {
      String subject = Tokens.newSubject("race-" + i);
      String token = tokens.tenant(subject);
      fixtures.activeAccount(token, subject, 1);
      fixtures.completeConfig(token, "@race_group");
      tokensOfContenders.add(token);
    }
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    List<Future<Integer>> results = new ArrayList<>();
    for (String token : tokensOfContenders) {
      Callable<Integer> start =
          () -> {
            go.await();
            return api.post("/api/v1/bot/start", "").token(token).send().status();
          };
      results.add(pool.submit(start));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> result : results) {
      statuses.add(result.get());
    }
    pool.shutdown();

    assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
    assertEquals(
        contenders - 1, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM telegram_session WHERE id = ? AND state = 'ASSIGNED' AND"
                + " assigned_account_id IS NOT NULL",
            lastSession));
    assertEquals(
        0,
        fixtures.count(
            "SELECT count(*) FROM (SELECT assigned_account_id FROM telegram_session WHERE"
                + " assigned_account_id IS NOT NULL GROUP BY assigned_account_id, id HAVING"
                + " count(*) > 1) d"));
  }
}

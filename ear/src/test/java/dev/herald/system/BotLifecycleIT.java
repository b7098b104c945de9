package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import java.time.Duration;
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

  /** A start by a new account with this plan and a complete config. */
  private static Api.Reply startWithPlan(String label, String planStatus, String expiresSql) {
    String subject = Tokens.newSubject(label);
    String token = tokens.tenant(subject);
    fixtures.account(token, subject, planStatus, expiresSql, 1);
    fixtures.completeConfig(token, "@" + label.replace('-', '_') + "_group");
    return api.post("/api/v1/bot/start", "").token(token).send();
  }

  @Test
  void startIsRefusedWhenPlanExpired() {
    Api.Reply reply = startWithPlan("expired-plan", "ACTIVE", "now() - interval '1 minute'");
    assertEquals(403, reply.status(), reply::toString);
    assertEquals("plan-expired", problemType(reply));
    assertTrue(reply.json().getString("detail").contains("Renew"), reply::toString);
  }

  @Test
  void startIsRefusedWhenPlanInactive() {
    Api.Reply reply = startWithPlan("inactive-plan", "INACTIVE", "NULL");
    assertEquals(403, reply.status(), reply::toString);
    assertEquals("plan-inactive", problemType(reply));
  }

  @Test
  void startIsRefusedWhenConfigIncomplete() {
    ActiveTenant tenant = activeTenant("incomplete", 1);
    Api.Reply reply = api.post("/api/v1/bot/start", "").token(tenant.token()).send();
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
    ActiveTenant tenant = activeTenant("starter", 2);
    fixtures.completeConfig(tenant.token(), "@lifecycle_group");
    assertEquals(0, fixtures.assignedSessions(tenant.account()));

    Api.Reply started = api.post("/api/v1/bot/start", "").token(tenant.token()).send();
    assertEquals(200, started.status(), started::toString);
    JsonObject state = started.json();
    assertEquals("RUNNING", state.getString("status"));
    assertEquals(2, state.getJsonArray("senders").size());
    assertTrue(state.getBoolean("dry_run"));
    assertEquals(2, fixtures.assignedSessions(tenant.account()));

    Api.Reply stopped = api.post("/api/v1/bot/stop", "").token(tenant.token()).send();
    assertEquals(200, stopped.status(), stopped::toString);
    String status = stopped.json().getString("status");
    assertTrue(status.equals("STOPPED") || status.equals("STOPPING"), status);
    assertEquals("USER", stopped.json().getString("stop_reason"));
  }

  /**
   * The first account takes 2 of 5 sessions: both from the pair with more free capacity, though the
   * other pair's sessions are older (lower ids). The second account gets the last session of that
   * pair and one of the full-up small pair; the small pair's second session stays unused.
   */
  @Test
  void sessionsComeFromTheApiPairWithTheMostFreeCapacityAndNeverExceedIt() {
    fixtures.drainPool();
    long small = fixtures.apiPair(1);
    long smallFirst = fixtures.session(small);
    long smallSecond = fixtures.session(small);
    long large = fixtures.apiPair(5);
    fixtures.session(large);
    fixtures.session(large);
    fixtures.session(large);

    long first = startedWithSessions("capacity-first", 2);
    assertEquals(0, sessionsFrom(first, small), "the pair with less free capacity is passed over");
    assertEquals(2, sessionsFrom(first, large));

    long second = startedWithSessions("capacity-second", 7);
    assertEquals(1, sessionsFrom(second, large));
    assertEquals(1, sessionsFrom(second, small), "a pair of capacity 1 gives one session");
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM telegram_session WHERE id IN (?, ?) AND state = 'UNUSED'",
            smallFirst,
            smallSecond));
  }

  /** A new account with a plan of {@code maxSessions}, its bot started; returns its id. */
  private static long startedWithSessions(String label, int maxSessions) {
    ActiveTenant tenant = activeTenant(label, maxSessions);
    fixtures.completeConfig(tenant.token(), "@capacity_group");
    fixtures.startBot(tenant.token());
    return tenant.account();
  }

  private static long sessionsFrom(long account, long apiPair) {
    return fixtures.count(
        "SELECT count(*) FROM telegram_session WHERE assigned_account_id = ? AND api_pair_id = ?",
        account,
        apiPair);
  }

  @Test
  void startIsRefusedWhenNoSenderIsAvailable() {
    fixtures.drainPool();
    ActiveTenant tenant = activeTenant("no-sender", 3);
    fixtures.completeConfig(tenant.token(), "@nosender_group");
    Api.Reply reply = api.post("/api/v1/bot/start", "").token(tenant.token()).send();
    assertEquals(409, reply.status(), reply::toString);
    assertEquals("no-sender-available", problemType(reply));
    assertEquals(
        "STOPPED",
        api.get("/api/v1/bot/state").token(tenant.token()).send().json().getString("status"));
  }

  @Test
  void aVerifiedUserBotIsASenderWhenThePoolIsEmpty() {
    fixtures.drainPool();
    ActiveTenant tenant = activeTenant("own-bot", 1);
    fixtures.completeConfig(tenant.token(), "@own_bot_group");
    fixtures.verifiedUserBot(tenant.token(), UserBotIT.botToken());

    Api.Reply started = fixtures.startBot(tenant.token());
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
        Duration.ofSeconds(10),
        () ->
            fixtures.count(
                    "SELECT count(*) FROM delivery_record WHERE account_id = ? AND sender_kind ="
                        + " 'USER_BOT' AND outcome = 'DELIVERED'",
                    tenant.account())
                >= 1);
    api.post("/api/v1/bot/stop", "").token(tenant.token()).send();
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

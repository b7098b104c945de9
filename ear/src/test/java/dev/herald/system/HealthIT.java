package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Pause;
import dev.herald.launcher.SendLogFiles;
import dev.herald.launcher.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Health: liveness is the process only; readiness is the database and the schema. */
class HealthIT extends TenantSystemTest {

  @Test
  void liveReadyAndStartedAreUp() {
    assertEquals(200, api.get("/health/live").send().status());
    assertEquals(200, api.get("/health/ready").send().status());
    assertEquals(200, api.get("/health/started").send().status());
  }

  @Test
  void metricsAreScrapedWithoutALogin() {
    Api.Reply metrics = api.get("/metrics").send();
    assertEquals(200, metrics.status());
    assertTrue(metrics.body().contains("# TYPE"), "Prometheus text expected");
  }

  /**
   * An operator's alerts need every series from the start: a counter that first appears at 1 is
   * missed by increase(); the pool and the overdue bots are counted from the database.
   */
  @Test
  void everyEngineSeriesExistsFromTheStartAndThePoolIsCountedByState() {
    String unused = "herald_sessions{mp_scope=\"application\",state=\"UNUSED\",}";
    Poll.until(
        "the census counts the pool's unused sessions as the database does",
        Duration.ofSeconds(40),
        () ->
            value(api.get("/metrics").send().body(), unused)
                == fixtures.count("SELECT count(*) FROM telegram_session WHERE state = 'UNUSED'"));
    String body = api.get("/metrics").send().body();
    for (String series :
        new String[] {
          "herald_engine_posts_total{mp_scope=\"application\",outcome=\"TOPIC_UNAVAILABLE\",}",
          "herald_engine_posts_total{mp_scope=\"application\",outcome=\"SENDER_BANNED\",}",
          "herald_sessions_parked_total{mp_scope=\"application\",state=\"NEEDS_LOGIN\",}",
          "herald_engine_bans_total",
          "herald_engine_auto_stops_total",
          "herald_engine_overdue_bots",
          "herald_bots_running",
          "herald_engine_restart_stopped_bots",
          // deploy/k8s/prometheus-rules.yaml reads the JVM's uptime beside it
          "jvm_uptime_seconds",
          "herald_sessions{mp_scope=\"application\",state=\"BANNED\",}"
        }) {
      assertTrue(body.contains(series), series + " in " + body);
    }
  }

  @Test
  void openApiDocumentDescribesTheApi() {
    Api.Reply openapi = api.get("/openapi").send();
    assertEquals(200, openapi.status());
    assertTrue(openapi.body().contains("/api/v1/bot/config"), openapi::body);
  }

  @Test
  void readinessIsDownWithoutTheDatabaseWhileLivenessStaysUp() {
    fixtures.noSandboxFaults();
    ActiveTenant tenant = runningTenant("outage", 1, 1, "@outage_a", "@outage_b");
    Poll.until(
        "cycles before the outage",
        Duration.ofSeconds(10),
        () ->
            fixtures.count(
                    "SELECT count(DISTINCT cycle_id) FROM delivery_record WHERE account_id = ?",
                    tenant.account())
                >= 2);
    int logBefore = system.messages().size();
    system.database().stop();
    try {
      Poll.until(
          "readiness DOWN",
          Duration.ofSeconds(30),
          () -> api.get("/health/ready").send().status() == 503);
      assertEquals(200, api.get("/health/live").send().status());
      Api.Reply ready = api.get("/health/ready").send();
      assertTrue(ready.body().contains("\"DOWN\""), ready::body);
      assertFalse(ready.body().contains("Exception:"), ready::body);
      Api.Reply apiDuringOutage = api.get("/api/v1/bot/state").token(tenant.token()).send();
      assertEquals(503, apiDuringOutage.status(), apiDuringOutage::toString);
      assertEquals("application/problem+json", apiDuringOutage.header("Content-Type"));
      assertFalse(apiDuringOutage.body().contains("Exception"), apiDuringOutage::body);
      // Ten seconds of outage with requests coming in: the engine polls ten times a second and
      // every request fails, yet each failing thing is warned about once, not at every attempt.
      Instant outageEnds = Instant.now().plusSeconds(10);
      while (Instant.now().isBefore(outageEnds)) {
        api.get("/api/v1/bot/state").token(tenant.token()).send();
        Pause.of(Duration.ofMillis(100));
      }
      List<String> warnings =
          system.messages().stream()
              .skip(logBefore)
              .filter(line -> line.contains(" dev.herald.") && line.contains(" W "))
              .toList();
      assertTrue(
          warnings.size() <= 25,
          () -> warnings.size() + " warnings in 10 s of outage:\n" + String.join("\n", warnings));
    } finally {
      system.database().start();
    }
    Poll.until(
        "readiness UP again",
        Duration.ofSeconds(30),
        () -> api.get("/health/ready").send().status() == 200);
    long cyclesAfter =
        fixtures.count(
            "SELECT max(cycle_id) FROM delivery_record WHERE account_id = ?", tenant.account());
    Poll.until(
        "cycles resume after the outage",
        Duration.ofSeconds(30),
        () ->
            fixtures.count(
                    "SELECT max(cycle_id) FROM delivery_record WHERE account_id = ?",
                    tenant.account())
                >= cyclesAfter + 2);
    assertEquals(
        0, fixtures.duplicatePosts(tenant.account()), "no post duplicated across the outage");
    assertTrue(
        system.messages().stream()
            .skip(logBefore)
            .anyMatch(l -> l.contains("Claiming due cycles works again")),
        "the log says when the outage ended");
    // The node's state cache listens again: a change announced after the outage reaches the poll.
    fixtures.sql("UPDATE account SET max_groups = 1 WHERE id = ?", tenant.account());
    stateShowing(
        tenant.token(),
        "the plan cut after the outage",
        s -> !s.getJsonArray("plan_cuts").isEmpty());
    api.post("/api/v1/bot/stop", "").token(tenant.token()).send();
  }

  /**
   * A database outage in the middle of a cycle loses none of its posts: the post whose delivery
   * record could not be written hands the cycle back, and its continuation posts the chats left
   * once the database is back. Before, with the database back before the write-behind gave the
   * cycle's completion up (its lease, 6 s), the cycle ended with the outage and its chats left
   * waited for the next cycle, here an hour later. So the database comes back as soon as the record
   * failed.
   */
  @Test
  void anOutageInTheMiddleOfACycleLosesNoneOfItsPosts() {
    List<String> groups = List.of("@blip_a", "@blip_b", "@blip_c");
    PostingBot bot = postingBot("blip", groups, 3);
    try {
      bot.firstPostDelivered();
      int logBefore = system.messages().size();
      system.database().stop();
      try {
        Poll.until(
            "the second post's record failing",
            Duration.ofSeconds(15),
            () ->
                system.messages().stream()
                    .skip(logBefore)
                    .anyMatch(line -> line.contains("Writing delivery records")));
      } finally {
        system.database().start();
      }

      bot.everyGroupDeliveredOnceInOneCycle(Duration.ofSeconds(40));
    } finally {
      bot.stop();
    }
  }

  /**
   * An outage longer than the lease (6 s) while the cycle waits between its posts: the heartbeat
   * could not extend the lease, so when the database is back this node claims the bot again (the
   * claim polls ten times as often as the heartbeat, which would extend the lease run out) and
   * continues the cycle, its first post a delay between posts after the earlier run's last (the
   * claim says when that was). The earlier run posts nothing more when its wait ends. So every two
   * of the account's posts are the delay apart. Before the claims were numbered (V99), the earlier
   * run posted the third group beside the continuation, some 10 s early; before the claim said when
   * the last post was, the continuation posted at once, 9 s after it; before the claim counted the
   * earlier run's posts (V100), the daily cap missed its post. Should the heartbeat win, the
   * earlier run goes on alone and keeps the delay too: the test then shows nothing, but passes.
   */
  @Test
  void anOutageLongerThanTheLeaseNeverLeavesTwoRunsOfACyclePosting() {
    List<String> groups = List.of("@lapse_a", "@lapse_b", "@lapse_c");
    int delaySeconds = 20;
    PostingBot bot = postingBot("lapse", groups, delaySeconds);
    try {
      bot.firstPostDelivered();
      system.database().stop();
      try {
        Pause.of(Duration.ofSeconds(9)); // the lease runs out; the run waits 20 s
      } finally {
        system.database().start();
      }

      List<SendLogFiles.Send> sent =
          bot.everyGroupDeliveredOnceInOneCycle(Duration.ofSeconds(2L * delaySeconds + 20));
      List<Long> at =
          sent.stream()
              .filter(SendLogFiles.Send::delivered)
              .map(SendLogFiles.Send::atMillis)
              .sorted()
              .toList();
      assertTrue(
          at.get(1) - at.get(0) >= (delaySeconds - 1) * 1000L,
          "the continuation's first post a delay between posts after the earlier run's: " + sent);
      assertTrue(
          at.get(2) - at.get(1) >= (delaySeconds - 1) * 1000L,
          "the third post a delay between posts after the second, not two runs' posts: " + sent);
      long cycle = sent.get(0).cycleId();
      Poll.until(
          "the cycle completed",
          Duration.ofSeconds(20),
          () ->
              fixtures.count("SELECT cycle_id FROM bot WHERE account_id = ?", bot.account) > cycle);
      assertEquals(
          at.size(),
          fixtures.count("SELECT posts_today FROM bot WHERE account_id = ?", bot.account),
          "the daily cap counts every post the model received: the earlier run's, which completed"
              + " nothing, and the continuation's two");
    } finally {
      bot.stop();
    }
  }

  /** A tenant's bot posting to {@code groups} through one session of the model, not started. */
  private PostingBot postingBot(String name, List<String> groups, int delayBetweenPosts) {
    fixtures.noSandboxFaults();
    String subject = Tokens.newSubject(name);
    String token = tokens.tenant(subject);
    fixtures.session(fixtures.apiPair(7));
    long account = fixtures.activeAccount(token, subject, 1);
    Api.Reply configured =
        api.put(
                "/api/v1/bot/config",
                JsonBody.of(
                    "target_groups",
                    groups,
                    "post_text",
                    "Hello through an outage",
                    "delay_between_posts_seconds",
                    delayBetweenPosts,
                    "delay_between_cycles_seconds",
                    3600))
            .token(token)
            .send();
    assertEquals(200, configured.status(), configured::toString);
    return new PostingBot(token, account, groups);
  }

  private final class PostingBot {

    private final String token;
    private final long account;
    private final List<String> groups;

    PostingBot(String token, long account, List<String> groups) {
      this.token = token;
      this.account = account;
      this.groups = groups;
    }

    /**
     * Starts the bot and waits for its first post delivered, not just begun: the database then
     * stops between two posts, not during a record.
     */
    void firstPostDelivered() {
      fixtures.startBot(token);
      Poll.until(
          "the cycle's first post",
          Duration.ofSeconds(20),
          () ->
              fixtures.count(
                      "SELECT count(*) FROM delivery_record WHERE account_id = ? AND outcome ="
                          + " 'DELIVERED'",
                      account)
                  >= 1);
    }

    /**
     * Waits for every group delivered, then asserts from the model's send log that each was
     * delivered once, all in the cycle of the outage (not the next one, an hour later); returns the
     * account's sends.
     */
    List<SendLogFiles.Send> everyGroupDeliveredOnceInOneCycle(Duration within) {
      Poll.until(
          "every group posted",
          within,
          () ->
              fixtures.sendLog().sends().stream()
                      .filter(send -> send.accountId() == account && send.delivered())
                      .count()
                  >= groups.size());
      List<SendLogFiles.Send> sent =
          fixtures.sendLog().sends().stream().filter(send -> send.accountId() == account).toList();
      assertEquals(
          groups.stream().sorted().toList(),
          sent.stream()
              .filter(SendLogFiles.Send::delivered)
              .map(SendLogFiles.Send::chat)
              .sorted()
              .toList(),
          "each group delivered once: " + sent);
      assertEquals(
          1,
          sent.stream().mapToLong(SendLogFiles.Send::cycleId).distinct().count(),
          "in the cycle of the outage: " + sent);
      assertEquals(0, fixtures.duplicatePosts(account));
      return sent;
    }

    void stop() {
      api.post("/api/v1/bot/stop", "").token(token).send();
    }
  }

  /** The value of the series {@code series} (name and labels as exported); -1 when absent. */
  private static long value(String metrics, String series) {
    return metrics
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(series.length() + 1).trim()))
        .findFirst()
        .orElse(-1);
  }
}

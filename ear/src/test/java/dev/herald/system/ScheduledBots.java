package dev.herald.system;

import dev.herald.launcher.Api;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The schedule's system tests' shared moves: a bot configured with a schedule and started through
 * the API, what the sandbox's Telegram model received per chat, and a time zone where it is about
 * noon now (so a test's "today" is hours away from a local midnight).
 */
final class ScheduledBots {

  private final Api api;
  private final Fixtures fixtures;

  ScheduledBots(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
  }

  /** Stops every bot and clears the sandbox's faults: a test then sees only its own bots' posts. */
  static ScheduledBots isolated(Api api, Fixtures fixtures) {
    fixtures.stopAllBots();
    fixtures.noSandboxFaults();
    return new ScheduledBots(api, fixtures);
  }

  /** A chat name no other test posts to. */
  static String chat(String label) {
    return "@" + label + "_" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
  }

  /** The configuration body: delays 0 s between posts, {@code cycleSeconds} between cycles. */
  static String config(List<String> chats, int cycleSeconds, JsonObject schedule) {
    return JsonBody.of(
        "target_groups",
        chats,
        "post_text",
        "Scheduled hello",
        "delay_between_posts_seconds",
        0,
        "delay_between_cycles_seconds",
        cycleSeconds,
        "schedule",
        schedule);
  }

  static JsonObject schedule(String zone, String activeHours) {
    return JsonBody.object("time_zone", zone, "active_hours", activeHours);
  }

  void putConfig(String token, String config) {
    Api.Reply reply = api.put("/api/v1/bot/config", config).token(token).send();
    if (reply.status() != 200) {
      throw new IllegalStateException("config: " + reply);
    }
  }

  /** A session for the account's bot, the configuration, then start. */
  void start(String token, String config) {
    fixtures.session(fixtures.apiPair(7));
    putConfig(token, config);
    Api.Reply started = api.post("/api/v1/bot/start", "").token(token).send();
    if (started.status() != 200) {
      throw new IllegalStateException("start: " + started);
    }
  }

  /** An admin sets an active plan with these limits (the others take their defaults). */
  void setPlan(long account, Object... limits) {
    Api.Reply reply =
        api.put(
                "/api/v1/admin/accounts/" + account + "/plan",
                JsonBody.of("status", "ACTIVE", "limits", JsonBody.object(limits)))
            .token(fixtures.adminToken())
            .send();
    if (reply.status() != 200) {
      throw new IllegalStateException("plan: " + reply);
    }
  }

  JsonObject state(String token) {
    return api.get("/api/v1/bot/state").token(token).send().json();
  }

  /** The instants the sandbox's model received a post in {@code chat}, oldest first. */
  List<Instant> sends(String chat) {
    return received(chat).stream().map(send -> Instant.parse(send.getString("at"))).toList();
  }

  /**
   * The messages the sandbox's model accepted in {@code chat} (text, buttons, sender, at), oldest
   * first.
   */
  List<JsonObject> received(String chat) {
    Api.Reply reply =
        api.get("/api/v1/admin/sandbox/sent?chat=" + chat.replace("@", "%40"))
            .token(fixtures.adminToken())
            .send();
    if (reply.status() != 200) {
      throw new IllegalStateException("sandbox sends: " + reply);
    }
    try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
      JsonArray sends = reader.readArray();
      return sends.stream()
          .map(JsonObject.class::cast)
          .filter(send -> "ok".equals(send.getString("outcome")))
          .toList();
    }
  }

  int sendCount(List<String> chats) {
    return chats.stream().mapToInt(chat -> sends(chat).size()).sum();
  }

  /** Whether the engine has moved the bot's next run at least an hour ahead (it is deferred). */
  boolean deferred(long account) {
    return fixtures.count(
            "SELECT count(*) FROM bot WHERE account_id = ? AND lease_owner IS NULL AND next_run_at"
                + " > now() + interval '1 hour'",
            account)
        == 1;
  }

  /** A fixed-offset IANA zone ({@code Etc/GMT-3} is UTC+3) where the local time is near noon. */
  static ZoneId noonZone() {
    int utcHour = ZonedDateTime.now(ZoneId.of("UTC")).getHour();
    int offset = Math.max(-12, Math.min(14, 12 - utcHour));
    return ZoneId.of(offset == 0 ? "UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
  }

  static String day(DayOfWeek day) {
    return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
  }
}

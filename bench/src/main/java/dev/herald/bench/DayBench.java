package dev.herald.bench;

import dev.herald.launcher.Api;
import dev.herald.launcher.Pause;
import dev.herald.launcher.SendLogFiles;
import dev.herald.launcher.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Issue 13 item 6, a "day in the life": N tenants with G groups each on the sandbox's Telegram
 * model, with the model's slow modes, permissions and limits, for a simulated day. The model's
 * clock runs {@code scale} times faster ({@code herald.sandbox.world.time-scale}: every rate
 * period, penalty and slow mode delay divided by it) and the tenants' plans use real-world delays
 * divided by the same factor, so {@code 24 h / scale} of running is one day of both.
 *
 * <p>Each tenant has one session and G public chats created in the model before the run: mostly
 * supergroups with Telegram's slow modes (0 to 3600 s), every 10th group a channel the session may
 * not write in, every 10th (offset 5) a group that needs an admin's approval to join, and in every
 * 4th tenant group 7 bans the session. The figures: posts delivered / planned, posts the model
 * refused for rate or slow mode (Herald's own pacing, target 0), sessions the model limited or
 * banned (target 0), duplicates from the send log (target 0), the most joins one session made in
 * one simulated hour, and targets whose {@code GET /bot/targets} membership disagrees with the
 * model's (target 0).
 *
 * <p>Usage: {@code bench/day.sh [tenants=200] [groups=20] [minutes=30] [scale=48]}.
 */
public final class DayBench {

  /**
   * A real day's plan: a post a minute, half an hour's pause between cycles; a cycle to 16 groups
   * lasts ~47 minutes, shorter than the longest slow mode (an hour), so Herald must skip those
   * groups every other cycle: the slow modes are tested, not just present.
   */
  static final int REAL_POST_DELAY_S = 60;

  static final int REAL_CYCLE_DELAY_S = 1800;

  /** Herald's join pace ({@code herald.targets.joins-per-hour}, its default). */
  static final int JOINS_PER_HOUR = 10;

  /** Herald's spam limit ({@code herald.targets.new-chats-per-day}, its default). */
  static final int NEW_CHATS_PER_DAY = 20;

  static final int[] SLOW_MODES = {0, 10, 30, 60, 300, 900, 3600};

  static final List<String> PACING_REFUSALS =
      List.of("FLOOD_WAIT", "SLOWMODE_WAIT", "Too Many Requests");

  public static void main(String[] args) throws Exception {
    int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int groups = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int minutes = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    double scale = args.length > 3 ? Double.parseDouble(args[3]) : 48;
    int postDelay = Math.max(1, (int) Math.round(REAL_POST_DELAY_S / scale));
    int cycleDelay = Math.max(1, (int) Math.round(REAL_CYCLE_DELAY_S / scale));
    Report report =
        new Report(
            "Day in the life: "
                + tenants
                + " tenants x "
                + groups
                + " groups on the Telegram model (issue 13.6)");
    int exit = 0;
    long joinWindowS = Math.max(1, Math.round(3600 / scale));
    Map<String, String> env = new HashMap<>();
    env.put("HERALD_SANDBOX_WORLD_TIME_SCALE", Double.toString(scale));
    env.put("HERALD_SANDBOX_WORLD_DEMO", "false");
    // Herald's join pace counts over an hour of the model's clock, as its other limits do.
    env.put("HERALD_TARGETS_JOIN_WINDOW_SECONDS", Long.toString(joinWindowS));
    // HERALD_TARGETS_* of this shell win (e.g. a higher joins-per-hour to see the figures move).
    System.getenv().entrySet().stream()
        .filter(e -> e.getKey().startsWith("HERALD_TARGETS_"))
        .forEach(e -> env.put(e.getKey(), e.getValue()));
    int joinsPerHour =
        Integer.parseInt(
            env.getOrDefault("HERALD_TARGETS_JOINS_PER_HOUR", Integer.toString(JOINS_PER_HOUR)));
    int newChatsPerDay =
        Integer.parseInt(
            env.getOrDefault(
                "HERALD_TARGETS_NEW_CHATS_PER_DAY", Integer.toString(NEW_CHATS_PER_DAY)));
    try (BenchServer bench = new BenchServer("day-" + tenants + "x" + groups, env).start()) {
      String machine = Report.machine(bench);
      Api api = new Api(bench.server.baseUrl());
      String admin = adminToken(bench, api);
      report.line(
          "%d tenants x %d groups, %d min at time scale %.0f (= %.1f simulated hours); plan: %d s"
              + " between posts, %d s between cycles (real %d s / %d s)",
          tenants,
          groups,
          minutes,
          scale,
          minutes * scale / 60,
          postDelay,
          cycleDelay,
          REAL_POST_DELAY_S,
          REAL_CYCLE_DELAY_S);
      report.line(
          "Herald's join pace: %d joins per session per %d s (one hour of the model's clock), and"
              + " posts to at most %d chats a session is new in (joined within 24 such hours);"
              + " Herald settings from env: %s",
          joinsPerHour,
          Long.parseLong(env.get("HERALD_TARGETS_JOIN_WINDOW_SECONDS")),
          newChatsPerDay,
          new TreeMap<>(env)
              .entrySet().stream()
                  .filter(e -> e.getKey().startsWith("HERALD_TARGETS_"))
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .toList());

      seedTenants(bench, tenants, groups, postDelay, cycleDelay);
      int deliverable = seedChats(bench, api, admin, tenants, groups);
      bench.sql(
          "UPDATE bot b SET status = 'RUNNING', next_run_at = now() + make_interval(secs => ? *"
              + " random()) FROM account a WHERE a.id = b.account_id AND a.subject LIKE 'day-%'",
          (double) Math.min(cycleDelay, 60));
      long started = System.nanoTime();
      long endMs = System.currentTimeMillis() + Duration.ofMinutes(minutes).toMillis();
      Map<Integer, Long> firstCycleMs = new HashMap<>();
      for (String[] row :
          bench.rows(
              "SELECT substring(a.subject from 5), (extract(epoch from b.next_run_at) *"
                  + " 1000)::bigint FROM bot b JOIN account a ON a.id = b.account_id WHERE"
                  + " a.subject LIKE 'day-%'")) {
        firstCycleMs.put(Integer.parseInt(row[0]), Long.parseLong(row[1]));
      }
      report.line(
          "seeded: %d chats in the model (%d deliverable to their tenant's session), bots running",
          tenants * groups, deliverable);

      long end = started + Duration.ofMinutes(minutes).toNanos();
      while (System.nanoTime() < end) {
        Pause.of(Duration.ofMillis(Math.min(60_000, (end - System.nanoTime()) / 1_000_000 + 1)));
        JsonObject world = json(api.get("/api/v1/admin/sandbox/world").token(admin).send());
        report.line(
            "  %5.1f min: model delivered %d of %d sends, refused %s",
            (System.nanoTime() - started) / 6e10,
            world.getJsonNumber("delivered").longValue(),
            world.getJsonNumber("attempts").longValue(),
            world.getJsonObject("refused_by_reason"));
      }
      double seconds = (System.nanoTime() - started) / 1e9;

      JsonObject world = json(api.get("/api/v1/admin/sandbox/world").token(admin).send());
      SendLogFiles log = bench.sendLog();
      long delivered = log.delivered(send -> send.atMillis() <= endMs);
      DayPlan plan =
          new DayPlan(
              postDelay * 1000L,
              cycleDelay * 1000L,
              joinsPerHour,
              joinWindowS * 1000,
              newChatsPerDay);
      long planned = 0;
      for (int t = 1; t <= tenants; t++) {
        planned += plan.posts(planGroups(t, groups, scale), firstCycleMs.get(t), endMs);
      }
      JsonObject refused = world.getJsonObject("refused_by_reason");
      long pacing =
          PACING_REFUSALS.stream()
              .mapToLong(reason -> refused.containsKey(reason) ? refused.getInt(reason) : 0)
              .sum();
      report.line(
          "posts delivered / planned: %d / %d (%.2f%%; planned: what the plan calls for in the"
              + " window to the %d deliverable chats, after Herald's join pace, its spam limit and"
              + " the slow modes, from each bot's first cycle; delivered: the send log's deliveries"
              + " in the window, %d in all)",
          delivered,
          planned,
          planned == 0 ? 0 : 100.0 * delivered / planned,
          deliverable,
          log.delivered(send -> true));
      report.line(
          "posts the model refused for rate or slow mode (Herald's pacing, target 0): %d; all"
              + " refusals by reason: %s",
          pacing, refused);
      report.line(
          "sessions the model limited (PEER_FLOOD) or banned because of Herald's pace (target 0):"
              + " %d limited, %d banned",
          world.getJsonNumber("spam_limited_accounts").longValue(),
          world.getJsonNumber("banned_accounts").longValue());
      report.line(
          "sessions Herald itself marked BANNED / cooling down at the end (no model ban exists to"
              + " cause the first): %s",
          String.join(
              " / ",
              bench.row(
                  // A cooldown is flood_wait_until ahead (PenaltySql.COOL_DOWN_SESSION); the state
                  // stays ASSIGNED, so counting state = 'COOLING_DOWN' always said 0.
                  "SELECT count(*) FILTER (WHERE s.state = 'BANNED'), count(*) FILTER (WHERE"
                      + " s.flood_wait_until > now()) FROM telegram_session s JOIN api_pair p ON"
                      + " p.id = s.api_pair_id WHERE p.api_id > 3000000")));
      report.line("duplicates from the send log (target 0): %s", bench.duplicatesFromSendLog());
      report.line(
          "joins per session per simulated hour (max): %d (%d joins in all)",
          world.getInt("max_joins_per_account_per_hour"), world.getJsonNumber("joins").longValue());
      report.line(
          "targets whose /bot/targets status disagrees with the model (target 0): %s",
          TargetCheck.disagreements(bench, api, admin, tenants));
      report.save(machine);
    } catch (RuntimeException e) {
      e.printStackTrace();
      exit = 1;
    }
    System.exit(exit);
  }

  /** Tenant {@code n}'s group {@code g}: a public username in the model. */
  static String chat(int n, int g) {
    return "d" + n + "_g" + g;
  }

  /** Tenant {@code n}'s groups as the plan sees them: slow modes on the model's clock. */
  static List<DayPlan.Group> planGroups(int n, int groups, double scale) {
    List<DayPlan.Group> plan = new ArrayList<>();
    for (int g = 1; g <= groups; g++) {
      boolean channel = "CHANNEL".equals(kind(g));
      int slow = channel ? 0 : SLOW_MODES[g % 7];
      // The model shows a slow mode on its clock in whole seconds, rounded up (ChatState).
      long slowMs = slow == 0 ? 0 : 1000 * (long) Math.max(1, Math.ceil(slow / scale));
      plan.add(
          new DayPlan.Group(banned(n, g), !channel && !joinByRequest(g) && !banned(n, g), slowMs));
    }
    return plan;
  }

  /** Every 10th group is a channel, where only admins post; the others are supergroups. */
  static String kind(int g) {
    return g % 10 == 0 ? "CHANNEL" : "SUPERGROUP";
  }

  static boolean joinByRequest(int g) {
    return g % 10 == 5;
  }

  static boolean banned(int n, int g) {
    return n % 4 == 0 && g == 7;
  }

  /**
   * N accounts 'day-1'..'day-N', each with one session and a stopped bot whose groups are its chats
   * in the model; one API pair per 100 sessions.
   */
  static void seedTenants(BenchServer bench, int n, int groups, int postDelay, int cycleDelay) {
    int pairs = Math.max(1, (n + 99) / 100);
    bench.sql(
        "INSERT INTO api_pair (api_id, api_hash_encrypted, capacity, created_at)"
            + " SELECT 3000000 + g, 'unused', 100, now() FROM generate_series(1, ?) g",
        pairs);
    bench.sql(
        "INSERT INTO account (subject, role, plan_status, plan_updated_at, max_sessions,"
            + " max_groups, min_delay_between_posts_s, min_delay_between_cycles_s,"
            + " max_posts_per_day, created_at) SELECT 'day-' || g, 'USER', 'ACTIVE', now(), 1,"
            + " ?, 0, 1, 1000000, now() FROM generate_series(1, ?) g",
        groups,
        n);
    bench.sql(
        "INSERT INTO bot (account_id, status, post_type, post_text, delay_between_posts_s,"
            + " delay_between_cycles_s, updated_at) SELECT id, 'STOPPED', 'TEXT', 'A day of ' ||"
            + " subject, ?, ?, now() FROM account WHERE subject LIKE 'day-%'",
        postDelay, cycleDelay);
    bench.sql(
        "INSERT INTO bot_target_group (account_id, position, chat_ref) SELECT id, g - 1, '@d' ||"
            + " substring(subject from 5) || '_g' || g FROM account, generate_series(1, ?) g"
            + " WHERE subject LIKE 'day-%'",
        groups);
    bench.sql(
        "INSERT INTO telegram_session (api_pair_id, phone_masked, state, assigned_account_id,"
            + " created_at, updated_at) SELECT (SELECT id FROM api_pair WHERE api_id = 3000000 + 1"
            + " + (a.rn % ?)::int), '+99******00', 'ASSIGNED', a.id, now(), now() FROM (SELECT id,"
            + " row_number() OVER (ORDER BY id) rn FROM account WHERE subject LIKE 'day-%') a",
        pairs);
    bench.sql("ANALYZE account, bot, bot_target_group, telegram_session, api_pair");
  }

  /** Creates every tenant's chats in the model; returns how many its session can post in. */
  static int seedChats(BenchServer bench, Api api, String admin, int n, int groups) {
    Map<Integer, Long> sessions = new HashMap<>();
    for (String[] row :
        bench.rows(
            "SELECT substring(a.subject from 5), s.id FROM account a JOIN telegram_session s ON"
                + " s.assigned_account_id = a.id WHERE a.subject LIKE 'day-%'")) {
      sessions.put(Integer.parseInt(row[0]), Long.parseLong(row[1]));
    }
    int deliverable = 0;
    JsonArrayBuilder batch = Json.createArrayBuilder();
    int inBatch = 0;
    for (int t = 1; t <= n; t++) {
      for (int g = 1; g <= groups; g++) {
        String kind = kind(g);
        boolean request = !"CHANNEL".equals(kind) && joinByRequest(g);
        boolean banned = banned(t, g);
        batch.add(
            Json.createObjectBuilder()
                .add("username", chat(t, g))
                .add("kind", kind)
                .add("slow_mode_seconds", "CHANNEL".equals(kind) ? 0 : SLOW_MODES[g % 7])
                .add("join_by_request", request)
                .add(
                    "banned_sessions",
                    banned
                        ? Json.createArrayBuilder().add(sessions.get(t))
                        : Json.createArrayBuilder()));
        if (!"CHANNEL".equals(kind) && !request && !banned) {
          deliverable++;
        }
        if (++inBatch == 500) {
          postChats(api, admin, batch);
          batch = Json.createArrayBuilder();
          inBatch = 0;
        }
      }
    }
    if (inBatch > 0) {
      postChats(api, admin, batch);
    }
    return deliverable;
  }

  private static void postChats(Api api, String admin, JsonArrayBuilder chats) {
    String body = Json.createObjectBuilder().add("chats", chats).build().toString();
    json(api.post("/api/v1/admin/sandbox/world/chats", body).token(admin).send());
  }

  static JsonObject json(Api.Reply reply) {
    if (reply.status() != 200) {
      throw new IllegalStateException(reply.toString());
    }
    return reply.json();
  }

  /** The bootstrap owner of the dev profile, logged in with the password in the keys folder. */
  static String adminToken(BenchServer bench, Api api) {
    try {
      String password = Files.readString(bench.keysDir().resolve("admin-password")).strip();
      String body =
          Json.createObjectBuilder()
              .add("email", "admin@herald.local")
              .add("password", password)
              .build()
              .toString();
      return json(api.post("/api/v1/auth/login", body).send()).getString("access_token");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compares {@code GET /bot/targets} of every tenant with the model's memberships. */
  static final class TargetCheck {

    private TargetCheck() {}

    static String disagreements(BenchServer bench, Api api, String admin, int tenants) {
      Map<String, String> model = new HashMap<>();
      for (JsonValue item :
          json(api.get("/api/v1/admin/sandbox/world/memberships").token(admin).send())
              .getJsonArray("items")) {
        JsonObject m = item.asJsonObject();
        model.put(m.getString("sender") + " " + m.getString("chat"), m.getString("membership"));
      }
      Tokens tokens = new Tokens(bench.keysDir());
      long compared = 0;
      long disagree = 0;
      long unchecked = 0;
      Map<String, Integer> byPair = new TreeMap<>();
      String example = "";
      for (int t = 1; t <= tenants; t++) {
        String token = tokens.tenant("day-" + t);
        String cursor = null;
        do {
          Api.Reply reply =
              api.get("/api/v1/bot/targets" + (cursor == null ? "" : "?cursor=" + cursor))
                  .token(token)
                  .send();
          if (reply.status() == 404) {
            return "n/a (GET /bot/targets missing)";
          }
          JsonObject page = json(reply);
          for (JsonValue target : page.getJsonArray("items")) {
            String chat = target.asJsonObject().getString("chat");
            if (target.asJsonObject().getJsonArray("senders").isEmpty()) {
              unchecked++;
            }
            for (JsonValue sender : target.asJsonObject().getJsonArray("senders")) {
              String who = sender.asJsonObject().getString("sender");
              if (!who.startsWith("session:")) {
                continue;
              }
              String theirs = sender.asJsonObject().getString("membership");
              String ours = model.getOrDefault(who + " " + chat, "NOT_MEMBER");
              compared++;
              if (!ours.equals(theirs)) {
                disagree++;
                byPair.merge("Herald " + theirs + " / model " + ours, 1, Integer::sum);
                example = String.format("; e.g. %s in %s: %s, model %s", who, chat, theirs, ours);
              }
            }
          }
          cursor =
              page.containsKey("next_cursor") && !page.isNull("next_cursor")
                  ? page.getString("next_cursor")
                  : null;
        } while (cursor != null);
      }
      return disagree
          + " of "
          + compared
          + " (session, chat) pairs"
          + (byPair.isEmpty() ? "" : " " + byPair)
          + example
          + (unchecked == 0 ? "" : "; " + unchecked + " targets without a record yet");
    }
  }
}

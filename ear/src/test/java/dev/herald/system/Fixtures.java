package dev.herald.system;

import dev.herald.launcher.Api;
import dev.herald.launcher.SendLogFiles;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/** Test data through the real API where it exists, and plain SQL for what only billing sets. */
public final class Fixtures {

  private final SystemUnderTest system;
  private final Api api;
  private final SqlRows rows;
  private String adminToken;

  public Fixtures(SystemUnderTest system) {
    this.system = system;
    this.api = system.api();
    this.rows = new SqlRows(() -> system.database().connect());
  }

  public synchronized String adminToken() {
    if (adminToken == null) {
      adminToken = Admins.ownerToken(system);
    }
    return adminToken;
  }

  /** Registers the subject and gives it a plan, as billing would. */
  public long account(
      String token, String subject, String planStatus, String expiresSql, int maxSessions) {
    long id = Admins.register(api, token);
    sql(
        "UPDATE account SET plan_status = ?, plan_expires_at = "
            + expiresSql
            + ", max_sessions = ?, min_delay_between_posts_s = 0, min_delay_between_cycles_s = 1,"
            + " plan_updated_at = now() WHERE subject = ?",
        planStatus,
        maxSessions,
        subject);
    return id;
  }

  public long activeAccount(String token, String subject, int maxSessions) {
    return account(token, subject, "ACTIVE", "NULL", maxSessions);
  }

  public void completeConfig(String token, String... groups) {
    String config =
        JsonBody.of(
            "target_groups",
            List.of(groups),
            "post_text",
            "Hello from a test",
            "delay_between_posts_seconds",
            0,
            "delay_between_cycles_seconds",
            1);
    Api.Reply reply = api.put("/api/v1/bot/config", config).token(token).send();
    if (reply.status() != 200) {
      throw new IllegalStateException("config: " + reply);
    }
  }

  /** A new API pair with a random api_id; returns its id. */
  public long apiPair(int capacity) {
    int apiId = ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000_000);
    String hash =
        Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE)
            + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    Api.Reply reply =
        api.post(
                "/api/v1/admin/api-pairs",
                JsonBody.of("api_id", apiId, "api_hash", hash, "capacity", capacity))
            .token(adminToken())
            .send();
    if (reply.status() != 201) {
      throw new IllegalStateException("api pair: " + reply);
    }
    return reply.json().getJsonNumber("id").longValue();
  }

  /** A sandbox session in the pool (usable at once); returns its id. */
  public long session(long apiPairId) {
    String phone = "+4477" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    Api.Reply reply =
        api.post("/api/v1/admin/sessions", JsonBody.of("phone", phone, "api_pair_id", apiPairId))
            .token(adminToken())
            .send();
    if (reply.status() != 201) {
      throw new IllegalStateException("session: " + reply);
    }
    return reply.json().getJsonNumber("id").longValue();
  }

  /** Stops every bot, so a test that injects faults affects only its own bots. */
  /** Creates chats in the sandbox's Telegram model, as an admin ({@code {"chats": [...]}}). */
  public Api.Reply createSandboxChats(String json) {
    return api.post("/api/v1/admin/sandbox/world/chats", json).token(adminToken()).send();
  }

  public void stopAllBots() {
    sql(
        "UPDATE bot SET status = 'STOPPED', stop_reason = 'USER', next_run_at = NULL WHERE status"
            + " <> 'STOPPED'");
  }

  /** Sets the sandbox's faults through the admin endpoint. */
  public void sandboxFaults(String json) {
    Api.Reply reply = api.put("/api/v1/admin/sandbox/faults", json).token(adminToken()).send();
    if (reply.status() != 200) {
      throw new IllegalStateException("sandbox faults: " + reply);
    }
  }

  public void noSandboxFaults() {
    sandboxFaults(
        JsonBody.of(
            "latency_ms",
            0,
            "flood_wait_every",
            0,
            "ban_probability",
            0,
            "forbidden_chats",
            List.of(),
            "unavailable_sessions",
            List.of(),
            "needs_login_sessions",
            List.of()));
  }

  /**
   * The sandbox's durable send logs of every node on the shared data folder: where duplicates are
   * counted (SPEC rule 17), since {@code delivery_record}'s unique key cannot hold one.
   */
  public SendLogFiles sendLog() {
    return SendLogFiles.inDataDir(system.workDir().resolve("data"));
  }

  /**
   * Duplicate posts of one account counted from the send log, after checking that the log holds at
   * least every delivery the database recorded for it (so an empty or misplaced log cannot pass for
   * "no duplicates").
   */
  public long duplicatePosts(long account) {
    return duplicatePosts(account, account);
  }

  /** {@link #duplicatePosts(long)} of the accounts with ids from {@code first} to {@code last}. */
  public long duplicatePosts(long first, long last) {
    long recorded =
        count(
            "SELECT count(*) FROM delivery_record WHERE account_id BETWEEN ? AND ? AND outcome ="
                + " 'DELIVERED'",
            first,
            last);
    Predicate<SendLogFiles.Send> ours =
        send -> send.accountId() >= first && send.accountId() <= last;
    SendLogFiles log = sendLog();
    long logged = log.delivered(ours);
    if (logged < recorded || logged == 0) {
      throw new IllegalStateException(
          String.format(
              "The send log in %s has %d deliveries of accounts %d-%d, the database %d",
              log.folder(), logged, first, last, recorded));
    }
    return log.duplicates(ours);
  }

  /** Makes the sandbox send the next {@code sends} cycle sends twice (admin test hook). */
  public void sendTwice(int sends) {
    Api.Reply reply =
        api.put("/api/v1/admin/sandbox/send-twice", JsonBody.of("sends", sends))
            .token(adminToken())
            .send();
    if (reply.status() != 200) {
      throw new IllegalStateException("send twice: " + reply);
    }
  }

  /**
   * A running bot: active plan, complete config, sessions from a fresh pair; returns the account
   * id.
   */
  public long runningBot(
      String token, String subject, int maxSessions, int sessions, String... groups) {
    long pair = apiPair(7);
    for (int i = 0; i < sessions; i++) {
      session(pair);
    }
    long account = activeAccount(token, subject, maxSessions);
    completeConfig(token, groups);
    startBot(token);
    return account;
  }

  /** Starts the tenant's bot; fails unless the start was accepted. Returns the answer. */
  public Api.Reply startBot(String token) {
    Api.Reply started = api.post("/api/v1/bot/start", "").token(token).send();
    if (started.status() != 200) {
      throw new IllegalStateException("start: " + started);
    }
    return started;
  }

  /**
   * Adds {@code botToken} as the tenant's own bot and verifies it, so the tenant's bot may post
   * through it; fails unless both were accepted.
   */
  public void verifiedUserBot(String token, String botToken) {
    Api.Reply added =
        api.post("/api/v1/user-bot", JsonBody.of("token", botToken)).token(token).send();
    if (added.status() != 201) {
      throw new IllegalStateException("user bot: " + added);
    }
    Api.Reply verified = api.post("/api/v1/user-bot/verify", "{}").token(token).send();
    if (verified.status() != 200) {
      throw new IllegalStateException("verify: " + verified);
    }
  }

  public String string(String query, Object... args) {
    return rows.string(query, args);
  }

  /** How many sessions are assigned to {@code account}. */
  public long assignedSessions(long account) {
    return count("SELECT count(*) FROM telegram_session WHERE assigned_account_id = ?", account);
  }

  /** The bot's status column (RUNNING, STOPPING, STOPPED). */
  public String botStatus(long account) {
    return string("SELECT status FROM bot WHERE account_id = ?", account);
  }

  /** The bot's cycle number: each completed cycle adds one. */
  public long botCycle(long account) {
    return count("SELECT cycle_id FROM bot WHERE account_id = ?", account);
  }

  /** Why the bot stopped (null while it runs). */
  public String stopReason(long account) {
    return string("SELECT stop_reason FROM bot WHERE account_id = ?", account);
  }

  /** Takes every unused session out of the pool, so a test controls exactly what is free. */
  public void drainPool() {
    sql(
        "UPDATE telegram_session SET state = 'BANNED', ban_reason = 'test drain' WHERE state ="
            + " 'UNUSED'");
  }

  public long count(String query, Object... args) {
    return rows.count(query, args);
  }

  public void sql(String statement, Object... args) {
    rows.update(statement, args);
  }
}

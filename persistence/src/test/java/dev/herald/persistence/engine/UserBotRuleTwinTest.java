package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.userbot.UserBot;
import dev.herald.persistence.DatabaseTest;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A user bot's "may post" rule ({@link UserBot#usableOn}) and its SQL twin ({@link
 * LeaseSql#userBotUsable}, the claim's sender query) agree on the user bot of every life step, on
 * the transport it was verified on and on another one.
 */
class UserBotRuleTwinTest extends DatabaseTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void javaRuleAndSqlTwinAgreeOnEveryLifeStep() {
    List<Consumer<UserBot>> steps =
        List.of(
            bot -> {},
            bot -> bot.markVerified(1, "herald_bot", "sandbox", NOW),
            bot -> {
              bot.markVerified(1, "herald_bot", "sandbox", NOW);
              bot.suspend("spam", NOW);
            },
            bot -> bot.suspend("spam", NOW),
            bot -> {
              bot.suspend("spam", NOW);
              bot.activate(NOW);
            },
            bot -> {
              bot.markVerified(1, "herald_bot", "sandbox", NOW);
              bot.suspend("spam", NOW);
              bot.activate(NOW);
            },
            bot -> {
              bot.markVerified(1, "herald_bot", "sandbox", NOW);
              bot.replaceToken("sealed-2", "12:****", NOW);
            });
    for (Consumer<UserBot> step : steps) {
      long account = rows.account("ACTIVE", null);
      UserBot bot = new UserBot(account, "sealed", "12:****", NOW);
      step.accept(bot);
      rows.update(
          "INSERT INTO user_bot (account_id, token_encrypted, token_masked, verified,"
              + " verified_transport, status, rate_limit_rps, max_concurrent_requests, created_at,"
              + " updated_at) VALUES (?, 'x', 'x', ?, ?, ?, 1, 1, now(), now())",
          account,
          bot.verified(),
          bot.verifiedTransport().orElse(null),
          bot.status().name());
      for (String transport : List.of("sandbox", "botapi")) {
        assertEquals(
            bot.usableOn(transport),
            Boolean.TRUE.equals(
                rows.one(
                    "SELECT "
                        + LeaseSql.userBotUsable("u")
                        + " FROM user_bot u WHERE u.account_id = ?",
                    transport,
                    account)),
            bot.status() + " verified=" + bot.verified() + " on " + transport);
      }
    }
  }
}

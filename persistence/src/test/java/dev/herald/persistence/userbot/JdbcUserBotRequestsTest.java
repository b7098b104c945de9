package dev.herald.persistence.userbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.herald.domain.userbot.UserBotRequests.Limits;
import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user bot's stored request limits and request count on PostgreSQL. */
class JdbcUserBotRequestsTest extends DatabaseTest {

  private final JdbcUserBotRequests requests = new JdbcUserBotRequests(TestDatabase.dataSource());
  private long account;

  @BeforeEach
  void aUserBot() {
    account = rows.account("ACTIVE", null);
    rows.update(
        "INSERT INTO user_bot (account_id, token_encrypted, token_masked, status, rate_limit_rps,"
            + " max_concurrent_requests, created_at, updated_at) VALUES (?, 'x', '12:***',"
            + " 'ACTIVE', 5, 3, now(), now())",
        account);
  }

  @Test
  void theLimitsAnAdminSetAreRead() {
    assertEquals(Optional.of(new Limits(5, 3)), requests.limitsOf(account));
    assertEquals(Optional.empty(), requests.limitsOf(account + 1), "no user bot");
  }

  @Test
  void requestsAddUpAndMarkTheBotUsed() {
    assertNull(rows.one("SELECT last_used_at FROM user_bot WHERE account_id = ?", account));

    requests.count(account, 3);
    requests.count(account, 4);

    assertEquals(
        7L, rows.count("SELECT total_requests FROM user_bot WHERE account_id = ?", account));
    assertNotNull(rows.one("SELECT last_used_at FROM user_bot WHERE account_id = ?", account));
  }
}

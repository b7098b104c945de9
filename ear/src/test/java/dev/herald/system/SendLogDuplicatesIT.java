package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC rule 17: duplicates are counted from the sends the transport received per (cycle, chat),
 * never from {@code delivery_record}, whose unique key cannot hold one. The admin's send-twice
 * fault makes the sandbox send one cycle's post twice, as a broken engine would: the send log
 * counts exactly that one duplicate while the table still shows none.
 */
class SendLogDuplicatesIT extends TenantSystemTest {

  @AfterEach
  void clean() {
    fixtures.sendTwice(0);
    fixtures.stopAllBots();
  }

  @Test
  void aPostSentTwiceOnPurposeIsCountedOnceFromTheSendLogAndNeverFromTheTable() {
    fixtures.stopAllBots();
    fixtures.noSandboxFaults();
    String subject = Tokens.newSubject("twice");
    String token = tokens.tenant(subject);
    fixtures.sendTwice(1);

    long account = fixtures.runningBot(token, subject, 1, 1, "@twice_a", "@twice_b");
    Poll.until(
        "three cycles",
        Duration.ofSeconds(30),
        () ->
            fixtures.count(
                    "SELECT count(DISTINCT cycle_id) FROM delivery_record WHERE account_id = ?"
                        + " AND outcome = 'DELIVERED'",
                    account)
                >= 3);

    assertEquals(1, fixtures.duplicatePosts(account), "the one post sent twice on purpose");
    assertEquals(
        0,
        fixtures.count(
            "SELECT count(*) FROM (SELECT cycle_id, chat_ref FROM delivery_record WHERE account_id"
                + " = ? GROUP BY 1, 2 HAVING count(*) > 1) d",
            account),
        "the table's unique key hides the duplicate: why rule 17 counts sends");
    Api.Reply pending =
        api.get("/api/v1/admin/sandbox/send-twice").token(fixtures.adminToken()).send();
    assertEquals(200, pending.status(), pending::toString);
    assertEquals(0, pending.json().getInt("sends"), "the fault was used up by that one send");
  }

  @Test
  void sendTwiceIsAdminOnlyAndChecksItsInput() {
    String token = tokens.tenant(Tokens.newSubject("twice-tenant"));
    Api.Reply tenant =
        api.put("/api/v1/admin/sandbox/send-twice", JsonBody.of("sends", 1)).token(token).send();
    assertEquals(403, tenant.status(), tenant::toString);
    Api.Reply negative =
        api.put("/api/v1/admin/sandbox/send-twice", JsonBody.of("sends", -1))
            .token(fixtures.adminToken())
            .send();
    assertEquals(400, negative.status(), negative::toString);
    assertEquals("application/problem+json", negative.header("Content-Type"));
  }
}

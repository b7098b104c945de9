package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC rule 18: a plan downgrade takes effect on a running bot at once: groups beyond the new
 * {@code max_groups} get nothing more, the delay between cycles rises to the new minimum, and the
 * tenant is told what was cut ({@code plan_cuts} in {@code /bot/state}, a {@code
 * PLAN_LIMITS_APPLIED} entry in the activity log). Asserted on what the sandbox's model received.
 */
class PlanDowngradeIT extends ScheduledBotSystemTest {

  @Test
  void aPlanDowngradeCutsGroupsAndRaisesDelaysOnTheRunningBotAndSaysSo() {
    ActiveTenant tenant = activeTenant("downgrade", 1);
    String kept = ScheduledBots.chat("kept");
    List<String> cut = List.of(ScheduledBots.chat("cut"), ScheduledBots.chat("cut"));
    bots.start(
        tenant.token(),
        ScheduledBots.config(
            List.of(kept, cut.get(0), cut.get(1)), 1, ScheduledBots.schedule("UTC", "")));
    Poll.until("every group posted to", Duration.ofSeconds(20), () -> bots.sendCount(cut) >= 2);

    bots.setPlan(
        tenant.account(),
        "max_sessions",
        1,
        "max_groups",
        1,
        "min_delay_between_posts_seconds",
        0,
        "min_delay_between_cycles_seconds",
        3);

    // A cycle in flight at the change may still finish; the one after it is the new plan's.
    int keptBefore = bots.sends(kept).size();
    Poll.until(
        "a cycle under the new plan",
        Duration.ofSeconds(20),
        () -> bots.sends(kept).size() >= keptBefore + 2);
    int cutSoFar = bots.sendCount(cut);
    int keptSoFar = bots.sends(kept).size();
    Poll.until(
        "two more cycles", Duration.ofSeconds(30), () -> bots.sends(kept).size() >= keptSoFar + 2);
    assertEquals(cutSoFar, bots.sendCount(cut), "groups beyond max_groups received nothing more");
    List<Instant> keptSends = bots.sends(kept);
    Instant last = keptSends.get(keptSends.size() - 1);
    Instant previous = keptSends.get(keptSends.size() - 2);
    assertTrue(
        Duration.between(previous, last).toMillis() >= 2_900,
        "cycles at least the new minimum of 3 s apart: " + previous + " → " + last);

    List<String> cuts =
        bots.state(tenant.token()).getJsonArray("plan_cuts").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList();
    assertEquals(2, cuts.size(), cuts::toString);
    assertTrue(cuts.get(0).contains("allows 1 target groups"), cuts::toString);
    assertTrue(cuts.get(1).contains("between cycles is raised from 1 to 3"), cuts::toString);
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM activity_log WHERE account_id = ? AND event ="
                + " 'PLAN_LIMITS_APPLIED'",
            tenant.account()));
  }
}

package dev.herald.domain.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.PostType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCutsTest {

  private static final BotConfig CONFIG =
      new BotConfig(
          List.of(
              ChatReference.parse("@herald_a1"),
              ChatReference.parse("@herald_a2"),
              ChatReference.parse("@herald_a3")),
          PostType.TEXT,
          "hello",
          null,
          10,
          300);

  @Test
  void aPlanDowngradeCutsGroupsBeyondMaxGroupsAndRaisesDelaysBelowTheNewMinimum() {
    assertEquals(
        List.of(
            "Your plan allows 2 target groups: the last 1 of your 3 are not posted to.",
            "The delay between posts is raised from 10 to 30 seconds, your plan's minimum.",
            "The delay between cycles is raised from 300 to 600 seconds, your plan's minimum."),
        PlanCuts.of(CONFIG, new PlanLimits(3, 2, 30, 600, 100)));
  }

  @Test
  void aConfigurationWithinThePlanIsNotCut() {
    assertEquals(List.of(), PlanCuts.of(CONFIG, new PlanLimits(3, 3, 10, 300, 100)));
  }
}

package dev.herald.domain.bot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whatever a client sends as a bot configuration, {@link BotConfigPolicy#validate} either returns a
 * configuration that keeps every rule or throws {@link InvalidInputException} naming fields; any
 * other exception would surface as a 500. Inputs: {@code BotConfigPolicyFuzzTestInputs/}.
 */
class BotConfigPolicyFuzzTest {

  @FuzzTest
  void validateAcceptsOnlyValidConfigsAndFailsOnlyWithFieldErrors(FuzzedDataProvider data) {
    PlanLimits limits =
        new PlanLimits(
            data.consumeInt(1, PlanLimits.MAX_SESSIONS_CEILING),
            data.consumeInt(1, 20),
            data.consumeInt(0, 86_400),
            data.consumeInt(1, 604_800),
            data.consumeInt(1, 1_000_000));
    BotConfigInput input =
        new BotConfigInput(
            groups(data),
            nullable(data, 16),
            nullable(data, 5000),
            nullable(data, 300),
            data.consumeBoolean() ? null : data.consumeInt(),
            data.consumeBoolean() ? null : data.consumeInt());
    BotConfig config;
    try {
      config = BotConfigPolicy.validate(input, limits);
    } catch (InvalidInputException refused) {
      assertFalse(refused.errors().isEmpty(), "a refusal names at least one field");
      refused.errors().forEach(e -> assertFalse(e.field().isBlank()));
      return;
    }
    assertTrue(config.targetGroups().size() <= limits.maxGroups());
    assertTrue(
        config.postText() == null || config.postText().length() <= BotConfigPolicy.MAX_TEXT_LENGTH);
    assertTrue(config.delayBetweenPostsSeconds() >= limits.minDelayBetweenPostsSeconds());
    assertTrue(config.delayBetweenCyclesSeconds() >= limits.minDelayBetweenCyclesSeconds());
    assertTrue(config.delayBetweenPostsSeconds() <= BotConfigPolicy.MAX_DELAY_SECONDS);
    assertTrue(config.delayBetweenCyclesSeconds() <= BotConfigPolicy.MAX_DELAY_SECONDS);
    config.missingForStart();
    config.post();
  }

  private static List<String> groups(FuzzedDataProvider data) {
    if (data.consumeBoolean()) {
      return null;
    }
    int count = data.consumeInt(0, 30);
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      groups.add(nullable(data, 80));
    }
    return groups;
  }

  private static String nullable(FuzzedDataProvider data, int maxLength) {
    return data.consumeBoolean() ? null : data.consumeString(maxLength);
  }
}

package dev.herald.domain.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.shared.FieldError;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.telegram.PostType;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BotConfigPolicyTest {

  private final PlanLimits limits = new PlanLimits(7, 3, 10, 60, 100);

  private static BotConfigInput input(
      List<String> groups, String text, Integer postDelay, Integer cycleDelay) {
    return new BotConfigInput(groups, null, text, null, postDelay, cycleDelay);
  }

  @Test
  void groupsAreNormalisedAndDeduplicatedInOrder() {
    BotConfig config =
        BotConfigPolicy.validate(
            input(List.of("@B_group", "https://t.me/b_group", "-1001", "@a_group"), "hi", 10, 60),
            limits);
    assertEquals(
        List.of("@b_group", "-1001", "@a_group"),
        config.targetGroups().stream().map(Object::toString).toList());
  }

  @Test
  void aGroupIsNamedOnceWithAtMostOneTopic() {
    BotConfig config =
        BotConfigPolicy.validate(
            input(List.of("https://t.me/forum_a/5", "@forum_a/5", "@b_group"), "hi", 10, 60),
            limits);
    assertEquals(
        List.of("@forum_a/5", "@b_group"),
        config.targetGroups().stream().map(Object::toString).toList());

    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                BotConfigPolicy.validate(
                    input(
                        List.of("@forum_a/5", "@b_group", "https://t.me/forum_a/7"), "hi", 10, 60),
                    limits));
    assertEquals("target_groups[2]", e.errors().get(0).field());
    assertTrue(e.errors().get(0).message().contains("@forum_a/5"), e.errors().get(0).message());
    assertThrows(
        InvalidInputException.class,
        () ->
            BotConfigPolicy.validate(
                input(List.of("@forum_a", "@forum_a/7"), "hi", 10, 60), limits));
  }

  @Test
  void duplicatesDoNotCountAgainstTheGroupLimit() {
    BotConfig config =
        BotConfigPolicy.validate(
            input(List.of("@aaaaa", "@AAAAA", "@bbbbb", "@ccccc"), "hi", null, null), limits);
    assertEquals(3, config.targetGroups().size());
  }

  @Test
  void moreGroupsThanThePlanAllowsIsRefused() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                BotConfigPolicy.validate(
                    input(List.of("@aaaaa", "@bbbbb", "@ccccc", "@ddddd"), "hi", null, null),
                    limits));
    assertEquals("target_groups", e.errors().get(0).field());
  }

  @Test
  void delaysBelowThePlanMinimumAreRefusedAndMissingDelaysTakeTheMinimum() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> BotConfigPolicy.validate(input(List.of(), null, 9, 59), limits));
    assertEquals(
        List.of("delay_between_posts_seconds", "delay_between_cycles_seconds"),
        e.errors().stream().map(FieldError::field).toList());
    BotConfig defaults = BotConfigPolicy.validate(input(List.of(), null, null, null), limits);
    assertEquals(10, defaults.delayBetweenPostsSeconds());
    assertEquals(60, defaults.delayBetweenCyclesSeconds());
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    BotConfigInput bad =
        new BotConfigInput(List.of("bad chat!"), "AUDIO", "x".repeat(4097), "not a link", 1, 1);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> BotConfigPolicy.validate(bad, limits));
    assertEquals(
        List.of(
            "target_groups[0]",
            "post_type",
            "post_text",
            "forward_source",
            "delay_between_posts_seconds",
            "delay_between_cycles_seconds"),
        e.errors().stream().map(FieldError::field).toList());
  }

  @Test
  void textOfExactly4096CharactersIsAccepted() {
    BotConfig config =
        BotConfigPolicy.validate(input(List.of("@aaaaa"), "x".repeat(4096), null, null), limits);
    assertTrue(config.missingForStart().isEmpty());
  }

  @Test
  void anIncompleteConfigCanBeSavedButSaysWhatIsMissing() {
    BotConfig config = BotConfigPolicy.validate(input(null, null, null, null), limits);
    assertEquals(
        List.of("target_groups", "post_text"),
        config.missingForStart().stream().map(FieldError::field).toList());
  }

  @Test
  void aForwardPostNeedsItsSourceLink() {
    BotConfig forward =
        BotConfigPolicy.validate(
            new BotConfigInput(
                List.of("@aaaaa"), "forward", null, "https://t.me/source_chan/12", null, null),
            limits);
    assertEquals(PostType.FORWARD, forward.postType());
    assertTrue(forward.post().isPresent());
    BotConfig noSource =
        BotConfigPolicy.validate(
            new BotConfigInput(List.of("@aaaaa"), "FORWARD", null, null, null, null), limits);
    assertEquals("forward_source", noSource.missingForStart().get(0).field());
  }

  @Test
  void hugeGroupListsAreCheckedWithoutBlowingUp() {
    List<String> many = IntStream.range(0, 10_000).mapToObj(i -> "@group_" + i).toList();
    assertThrows(
        InvalidInputException.class,
        () -> BotConfigPolicy.validate(input(many, "hi", null, null), limits));
  }
}

package dev.herald.domain.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.bot.BotConfigInput.ButtonInput;
import dev.herald.domain.bot.BotConfigInput.PostInput;
import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.content.Rotation;
import dev.herald.domain.plan.PlanInput;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.plan.PlanPolicy;
import dev.herald.domain.plan.SampleClaims;
import dev.herald.domain.shared.FieldError;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.TextFormat;
import dev.herald.domain.telegram.UrlButton;
import jakarta.json.Json;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 6 and SPEC rule 18 for the plan's content limits: {@code max_posts_per_bot} and
 * {@code max_buttons} bound what a tenant may save, and a downgrade cuts a running bot's posts and
 * buttons at once, saying what it cut.
 */
class PlanContentLimitsTest {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  /** Default limits except posts per bot and buttons per post. */
  private static PlanLimits plan(int maxPostsPerBot, int maxButtons) {
    PlanLimits d = PlanLimits.defaults();
    return new PlanLimits(
        d.maxSessions(),
        d.maxGroups(),
        d.minDelayBetweenPostsSeconds(),
        d.minDelayBetweenCyclesSeconds(),
        d.maxPostsPerDay(),
        d.maxMediaBytes(),
        d.maxMediaCount(),
        maxPostsPerBot,
        maxButtons);
  }

  private static BotPost textWithButtons(String text, int... perRow) {
    List<List<UrlButton>> rows =
        IntStream.of(perRow)
            .mapToObj(
                n ->
                    IntStream.range(0, n)
                        .mapToObj(i -> new UrlButton("b" + i, "https://example.com/" + i))
                        .toList())
            .toList();
    return new BotPost(PostType.TEXT, text, TextFormat.PLAIN, null, rows);
  }

  private static BotConfig configWith(List<BotPost> posts) {
    return new BotConfig(
        List.of(ChatReference.parse("@herald_limits")),
        new BotPosts(posts, Rotation.IN_ORDER, true),
        10,
        300);
  }

  private static BotConfigInput input(List<PostInput> posts) {
    return new BotConfigInput(
        List.of("@herald_limits"),
        null,
        null,
        null,
        null,
        posts,
        null,
        true,
        null,
        null,
        null,
        null);
  }

  @Test
  void omittedPostsAndButtonsLimitsTakeTheFormerConstants() {
    PlanLimits limits =
        PlanPolicy.toPlan(
                new PlanInput(
                    "ACTIVE",
                    null,
                    new PlanInput.LimitsInput(1, 1, 0, 1, 1, null, null, null, null)),
                NOW,
                "")
            .limits();
    assertEquals(10, limits.maxPostsPerBot());
    assertEquals(12, limits.maxButtons());
    assertEquals(10, PlanLimits.defaults().maxPostsPerBot());
    assertEquals(12, PlanLimits.defaults().maxButtons());
  }

  /** The errors of a plan with these posts and buttons limits (the others omitted). */
  private static List<FieldError> refusedPlan(Integer maxPostsPerBot, Integer maxButtons) {
    PlanInput.LimitsInput limits =
        new PlanInput.LimitsInput(
            null, null, null, null, null, null, null, maxPostsPerBot, maxButtons);
    return assertThrows(
            InvalidInputException.class,
            () -> PlanPolicy.toPlan(new PlanInput("ACTIVE", null, limits), NOW, ""))
        .errors();
  }

  @Test
  void planIsRefusedWhenMaxButtonsOrMaxPostsPerBotIsOutOfRangeNamingTheLimit() {
    assertEquals(
        List.of(new FieldError("limits", "max_buttons must be between 0 and 100, was 101.")),
        refusedPlan(null, 101));
    assertEquals(
        List.of(new FieldError("limits", "max_posts_per_bot must be between 1 and 100, was 0.")),
        refusedPlan(0, null));
  }

  @Test
  void tokenClaimsAndBillingCarryThePostsAndButtonsLimits() {
    PlanLimits limits =
        SampleClaims.limitsOf(
            Json.createObjectBuilder().add("max_posts_per_bot", 3).add("max_buttons", 0).build());
    assertEquals(3, limits.maxPostsPerBot());
    assertEquals(0, limits.maxButtons());
  }

  /** The first error of a configuration with these posts, refused under {@code plan}. */
  private static FieldError refusedConfig(List<PostInput> posts, PlanLimits plan) {
    return assertThrows(
            InvalidInputException.class, () -> BotConfigPolicy.validate(input(posts), plan))
        .errors()
        .get(0);
  }

  @Test
  void aConfigurationWithMorePostsThanThePlanAllowsIsRefusedNamingTheLimit() {
    List<PostInput> three =
        List.of(
            new PostInput("TEXT", "one", null, null, null),
            new PostInput("TEXT", "two", null, null, null),
            new PostInput("TEXT", "three", null, null, null));
    FieldError refused = refusedConfig(three, plan(2, 12));
    assertEquals("posts", refused.field());
    assertTrue(
        refused.message().contains("2 posts per bot (max_posts_per_bot), got 3"),
        refused::toString);
    assertEquals(3, BotConfigPolicy.validate(input(three), plan(3, 12)).posts().size());
  }

  @Test
  void aConfigurationWithMoreButtonsThanThePlanAllowsIsRefusedNamingTheLimit() {
    List<List<ButtonInput>> rows =
        List.of(
            List.of(new ButtonInput("a", "https://e.com/a"), new ButtonInput("b", "https://e.com")),
            List.of(new ButtonInput("c", "https://e.com/c")));
    List<PostInput> post = List.of(new PostInput("TEXT", "hi", null, null, rows));
    FieldError refused = refusedConfig(post, plan(10, 2));
    assertEquals("posts[0].buttons", refused.field());
    assertTrue(
        refused.message().contains("2 buttons per post (max_buttons), got 3"), refused::toString);
    FieldError none = refusedConfig(post, plan(10, 0));
    assertTrue(none.message().contains("no buttons"), none::toString);
    assertEquals(1, BotConfigPolicy.validate(input(post), plan(10, 3)).posts().size());
  }

  @Test
  void aPlanDowngradeLeavesPostsBeyondMaxPostsPerBotOutOfTheRotationAndSaysSo() {
    List<BotPost> posts =
        List.of(
            BotPost.plainText("one"),
            BotPost.plainText("two"),
            BotPost.plainText("three"),
            BotPost.plainText("four"));
    BotPosts cut = new BotPosts(posts, Rotation.RANDOM, false).withinPlan(2, 12);
    Set<String> picked = new HashSet<>();
    for (long cycle = 0; cycle < 200; cycle++) {
      picked.add(cut.pick(42, cycle).text());
    }
    assertEquals(Set.of("one", "two"), picked, "only the first two posts are ever sent");
    assertEquals(
        List.of(
            "Your plan allows 2 posts per bot: the last 2 of your 4 are left out of the rotation."),
        PlanCuts.of(configWith(posts), plan(2, 12)));
  }

  @Test
  void aPlanDowngradeKeepsEachPostsFirstMaxButtonsInReadingOrderAndSaysSo() {
    List<BotPost> posts =
        List.of(textWithButtons("wide", 2, 2), textWithButtons("slim", 1), BotPost.plainText("x"));
    BotPosts cut = new BotPosts(posts, Rotation.IN_ORDER, true).withinPlan(10, 3);
    assertEquals(
        List.of(
            List.of(
                new UrlButton("b0", "https://example.com/0"),
                new UrlButton("b1", "https://example.com/1")),
            List.of(new UrlButton("b0", "https://example.com/0"))),
        cut.posts().get(0).buttons(),
        "two full rows' first three buttons");
    assertSame(posts.get(1), cut.posts().get(1), "a post within the limit is kept as it is");
    assertEquals(
        List.of(
            "Your plan allows 3 buttons per post: 1 of your posts go out with their first 3 only."),
        PlanCuts.of(configWith(posts), plan(10, 3)));

    BotPosts noButtons = new BotPosts(posts, Rotation.IN_ORDER, true).withinPlan(10, 0);
    assertTrue(noButtons.posts().stream().noneMatch(BotPost::hasButtons));
    assertEquals(
        List.of("Your plan has no buttons: 2 of your posts go out without theirs."),
        PlanCuts.of(configWith(posts), plan(10, 0)));
  }

  @Test
  void contentWithinThePlanIsNotCut() {
    BotPosts posts =
        new BotPosts(
            List.of(textWithButtons("a", 3), BotPost.plainText("b")), Rotation.IN_ORDER, true);
    assertSame(posts, posts.withinPlan(2, 3));
    assertEquals(List.of(), PlanCuts.of(configWith(posts.posts()), plan(2, 3)));
  }
}

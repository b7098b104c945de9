package dev.herald.domain.bot;

import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.plan.PlanLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the plan's current limits cut from a stored configuration (SPEC rule 18: a plan change takes
 * effect on running bots at once). The configuration stays as the tenant saved it; the engine's
 * claim applies the limits to each cycle ({@code LeaseSql.CLAIM_DUE}: groups beyond {@code
 * max_groups} left out, delays raised to the minimums; then {@link BotPosts#withinPlan}: posts
 * beyond {@code max_posts_per_bot} left out of the rotation, buttons beyond {@code max_buttons}
 * left off each post), and these sentences tell the tenant so, in {@code /bot/state} and in the
 * activity log when the plan changes. An upgrade brings what was cut back at the next cycle.
 */
public final class PlanCuts {

  private PlanCuts() {}

  public static List<String> of(BotConfig config, PlanLimits limits) {
    List<String> cuts = new ArrayList<>();
    int groups = config.targetGroups().size();
    if (groups > limits.maxGroups()) {
      cuts.add(
          "Your plan allows "
              + limits.maxGroups()
              + " target groups: the last "
              + (groups - limits.maxGroups())
              + " of your "
              + groups
              + " are not posted to.");
    }
    raised("between posts", config.delayBetweenPostsSeconds(), limits.minDelayBetweenPostsSeconds())
        .ifPresent(cuts::add);
    raised(
            "between cycles",
            config.delayBetweenCyclesSeconds(),
            limits.minDelayBetweenCyclesSeconds())
        .ifPresent(cuts::add);
    posts(config.posts(), limits).ifPresent(cuts::add);
    buttons(config.posts(), limits).ifPresent(cuts::add);
    return cuts;
  }

  private static Optional<String> posts(List<BotPost> posts, PlanLimits limits) {
    if (posts.size() <= limits.maxPostsPerBot()) {
      return Optional.empty();
    }
    return Optional.of(
        "Your plan allows "
            + limits.maxPostsPerBot()
            + " posts per bot: the last "
            + (posts.size() - limits.maxPostsPerBot())
            + " of your "
            + posts.size()
            + " are left out of the rotation.");
  }

  /** Counted over the posts still in the rotation: a post left out loses nothing more. */
  private static Optional<String> buttons(List<BotPost> posts, PlanLimits limits) {
    int max = limits.maxButtons();
    long over =
        posts.stream()
            .limit(limits.maxPostsPerBot())
            .filter(post -> BotPosts.buttonCount(post) > max)
            .count();
    if (over == 0) {
      return Optional.empty();
    }
    return Optional.of(
        max == 0
            ? "Your plan has no buttons: " + over + " of your posts go out without theirs."
            : "Your plan allows "
                + max
                + " buttons per post: "
                + over
                + " of your posts go out with their first "
                + max
                + " only.");
  }

  /** A delay below the plan's minimum is raised to it. */
  private static Optional<String> raised(String which, int configured, int minimum) {
    if (configured >= minimum) {
      return Optional.empty();
    }
    return Optional.of(
        "The delay "
            + which
            + " is raised from "
            + configured
            + " to "
            + minimum
            + " seconds, your plan's minimum.");
  }
}

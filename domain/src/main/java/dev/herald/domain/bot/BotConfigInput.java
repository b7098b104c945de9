package dev.herald.domain.bot;

import dev.herald.domain.schedule.ScheduleInput;
import java.util.List;

/**
 * A configuration as a client sent it, before {@link BotConfigPolicy} has normalised and checked
 * it. Any field may be null. Field errors name the fields as the API spells them, in snake case
 * ({@code target_groups}, {@code delay_between_posts_seconds}, ...).
 */
public record BotConfigInput(
    List<String> targetGroups,
    String postType,
    String postText,
    String forwardSource,
    Integer delayBetweenPostsSeconds,
    Integer delayBetweenCyclesSeconds,
    ScheduleInput schedule) {

  /** An input without a schedule: the bot keeps no schedule of its own. */
  public BotConfigInput(
      List<String> targetGroups,
      String postType,
      String postText,
      String forwardSource,
      Integer delayBetweenPostsSeconds,
      Integer delayBetweenCyclesSeconds) {
    this(
        targetGroups,
        postType,
        postText,
        forwardSource,
        delayBetweenPostsSeconds,
        delayBetweenCyclesSeconds,
        null);
  }
}

package dev.herald.domain.bot;

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
    List<Long> mediaIds) {

  /** A configuration without media. */
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

package dev.herald.domain.bot;

import dev.herald.domain.schedule.ScheduleInput;
import java.util.List;

/**
 * A configuration as a client sent it, before {@link BotConfigPolicy} has normalised and checked
 * it. Any field may be null. Field errors name the fields as the API spells them, in snake case
 * ({@code target_groups}, {@code delay_between_posts_seconds}, {@code posts[1].text}, ...).
 *
 * <p>The content comes either as the one-post shorthand ({@code postType}, {@code postText}, {@code
 * forwardSource}, with {@code format} for the text) or as {@code posts}, not both.
 */
public record BotConfigInput(
    List<String> targetGroups,
    String postType,
    String postText,
    String forwardSource,
    Integer delayBetweenPostsSeconds,
    Integer delayBetweenCyclesSeconds,
    String format,
    List<PostInput> posts,
    String rotation,
    Boolean sessionsDropButtons,
    ScheduleInput schedule) {

  /** Content fields without a schedule: the bot keeps no schedule of its own. */
  public BotConfigInput(
      List<String> targetGroups,
      String postType,
      String postText,
      String forwardSource,
      Integer delayBetweenPostsSeconds,
      Integer delayBetweenCyclesSeconds,
      String format,
      List<PostInput> posts,
      String rotation,
      Boolean sessionsDropButtons) {
    this(
        targetGroups,
        postType,
        postText,
        forwardSource,
        delayBetweenPostsSeconds,
        delayBetweenCyclesSeconds,
        format,
        posts,
        rotation,
        sessionsDropButtons,
        null);
  }

  /** The one-post shorthand in plain text, as clients before posts lists send it. */
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
        null,
        null,
        null,
        null);
  }

  /** One post of {@code posts} as sent; buttons are rows of buttons. */
  public record PostInput(
      String type,
      String text,
      String format,
      String forwardSource,
      List<List<ButtonInput>> buttons) {}

  /** A URL button as sent. */
  public record ButtonInput(String text, String url) {}
}

package dev.herald.domain.bot;

import dev.herald.domain.schedule.ScheduleInput;
import java.util.List;

/**
 * A configuration as a client sent it, before {@link BotConfigPolicy} has normalised and checked
 * it. Any field may be null. Field errors name the fields as the API spells them, in snake case
 * ({@code target_groups}, {@code delay_between_posts_seconds}, {@code posts[1].text}, {@code
 * posts[1].media_ids}, ...).
 *
 * <p>The content comes either as the one-post shorthand ({@code postType}, {@code postText}, {@code
 * forwardSource}, {@code mediaIds}, with {@code format} for the text) or as {@code posts}, not
 * both.
 */
public record BotConfigInput(
    List<String> targetGroups,
    String postType,
    String postText,
    String forwardSource,
    String format,
    List<PostInput> posts,
    String rotation,
    Boolean sessionsDropButtons,
    Integer delayBetweenPostsSeconds,
    Integer delayBetweenCyclesSeconds,
    ScheduleInput schedule,
    List<Long> mediaIds) {

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
        null,
        null,
        null,
        null,
        delayBetweenPostsSeconds,
        delayBetweenCyclesSeconds,
        null,
        null);
  }

  /** Every medium id the input names, on the shorthand and in each post (nulls left out). */
  public List<Long> allMediaIds() {
    List<Long> ids = new java.util.ArrayList<>();
    if (mediaIds != null) {
      ids.addAll(mediaIds);
    }
    if (posts != null) {
      posts.stream()
          .filter(p -> p != null && p.mediaIds() != null)
          .forEach(p -> ids.addAll(p.mediaIds()));
    }
    ids.removeIf(java.util.Objects::isNull);
    return ids;
  }

  /** One post of {@code posts} as sent; buttons are rows of buttons. */
  public record PostInput(
      String type,
      String text,
      String format,
      String forwardSource,
      List<List<ButtonInput>> buttons,
      List<Long> mediaIds) {

    /** A post without media. */
    public PostInput(
        String type,
        String text,
        String format,
        String forwardSource,
        List<List<ButtonInput>> buttons) {
      this(type, text, format, forwardSource, buttons, null);
    }
  }

  /** A URL button as sent. */
  public record ButtonInput(String text, String url) {}
}

package dev.herald.domain.bot;

import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.content.Rotation;
import dev.herald.domain.schedule.Schedule;
import dev.herald.domain.shared.FieldError;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated bot configuration (see {@link BotConfigPolicy}). It may be incomplete (no groups yet,
 * no content yet): saving an incomplete configuration is allowed, starting with one is not ({@link
 * #missingForStart()}). Its {@link #content() posts} are one or more; the flat {@code post*}
 * accessors describe the first, the one-post shorthand older clients use.
 *
 * @param schedule jitter, time zone, active hours and group interval ({@link Schedule#NONE} when
 *     the tenant set none)
 */
public record BotConfig(
    List<ChatReference> targetGroups,
    BotPosts content,
    int delayBetweenPostsSeconds,
    int delayBetweenCyclesSeconds,
    Schedule schedule) {

  public BotConfig {
    targetGroups = List.copyOf(targetGroups);
    schedule = schedule == null ? Schedule.NONE : schedule;
  }

  /** A configuration without a schedule of its own ({@link Schedule#NONE}). */
  public BotConfig(
      List<ChatReference> targetGroups,
      BotPosts content,
      int delayBetweenPostsSeconds,
      int delayBetweenCyclesSeconds) {
    this(targetGroups, content, delayBetweenPostsSeconds, delayBetweenCyclesSeconds, Schedule.NONE);
  }

  /** The one-post configuration of the flat fields, without a schedule of its own. */
  public BotConfig(
      List<ChatReference> targetGroups,
      PostType postType,
      String postText,
      MessageLink forwardSource,
      int delayBetweenPostsSeconds,
      int delayBetweenCyclesSeconds) {
    this(
        targetGroups,
        BotPosts.of(
            postType == PostType.FORWARD
                ? BotPost.forward(forwardSource)
                : BotPost.plainText(postText)),
        delayBetweenPostsSeconds,
        delayBetweenCyclesSeconds);
  }

  /** The configuration of a bot nobody has configured yet. */
  public static BotConfig empty(int delayBetweenPostsSeconds, int delayBetweenCyclesSeconds) {
    return new BotConfig(
        List.of(), PostType.TEXT, null, null, delayBetweenPostsSeconds, delayBetweenCyclesSeconds);
  }

  public List<BotPost> posts() {
    return content.posts();
  }

  public Rotation rotation() {
    return content.rotation();
  }

  /** The first post: what the flat fields show. */
  public BotPost firstPost() {
    return content.posts().get(0);
  }

  public PostType postType() {
    return firstPost().type();
  }

  public String postText() {
    return firstPost().text();
  }

  public MessageLink forwardSource() {
    return firstPost().forwardSource();
  }

  /** What is still missing before the bot can start; empty when it can. */
  public List<FieldError> missingForStart() {
    List<FieldError> missing = new ArrayList<>();
    if (targetGroups.isEmpty()) {
      missing.add(new FieldError("target_groups", "Add at least one target group."));
    }
    List<BotPost> posts = posts();
    boolean single = posts.size() == 1;
    for (int i = 0; i < posts.size(); i++) {
      BotPost post = posts.get(i);
      if (post.complete()) {
        continue;
      }
      boolean forward = post.type() == PostType.FORWARD;
      boolean media = post.type().carriesMedia();
      String name =
          forward ? "forward_source" : media ? "media_ids" : single ? "post_text" : "text";
      missing.add(
          new FieldError(
              single ? name : "posts[" + i + "]." + name,
              forward
                  ? "Give the link of the message to forward."
                  : media
                      ? "Choose the media to post (POST /media uploads)."
                      : "Write the text to post."));
    }
    return missing;
  }

  /** The first post as a plain send, if it has content (variants and format not applied). */
  public Optional<Post> post() {
    BotPost first = firstPost();
    if (!first.complete()) {
      return Optional.empty();
    }
    if (first.type().carriesMedia()) {
      return Optional.of(Post.media(first.type(), first.text(), first.media()));
    }
    return Optional.of(
        first.type() == PostType.FORWARD
            ? Post.forward(first.forwardSource())
            : Post.text(first.text()));
  }
}

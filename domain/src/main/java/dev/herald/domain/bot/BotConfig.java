package dev.herald.domain.bot;

import dev.herald.domain.media.MediaRef;
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
 * #missingForStart()}).
 */
public record BotConfig(
    List<ChatReference> targetGroups,
    PostType postType,
    String postText,
    MessageLink forwardSource,
    int delayBetweenPostsSeconds,
    int delayBetweenCyclesSeconds,
    List<MediaRef> media) {

  public BotConfig {
    targetGroups = List.copyOf(targetGroups);
    media = media == null ? List.of() : List.copyOf(media);
  }

  /** A configuration without media. */
  public BotConfig(
      List<ChatReference> targetGroups,
      PostType postType,
      String postText,
      MessageLink forwardSource,
      int delayBetweenPostsSeconds,
      int delayBetweenCyclesSeconds) {
    this(
        targetGroups,
        postType,
        postText,
        forwardSource,
        delayBetweenPostsSeconds,
        delayBetweenCyclesSeconds,
        List.of());
  }

  /** The configuration of a bot nobody has configured yet. */
  public static BotConfig empty(int delayBetweenPostsSeconds, int delayBetweenCyclesSeconds) {
    return new BotConfig(
        List.of(), PostType.TEXT, null, null, delayBetweenPostsSeconds, delayBetweenCyclesSeconds);
  }

  /** What is still missing before the bot can start; empty when it can. */
  public List<FieldError> missingForStart() {
    List<FieldError> missing = new ArrayList<>();
    if (targetGroups.isEmpty()) {
      missing.add(new FieldError("target_groups", "Add at least one target group."));
    }
    if (post().isEmpty()) {
      missing.add(
          postType == PostType.FORWARD
              ? new FieldError("forward_source", "Give the link of the message to forward.")
              : postType.carriesMedia()
                  ? new FieldError("media_ids", "Choose the media to post (POST /media uploads).")
                  : new FieldError("post_text", "Write the text to post."));
    }
    return missing;
  }

  /** The post this configuration makes, if it has content. */
  public Optional<Post> post() {
    if (postType == PostType.FORWARD) {
      return Optional.ofNullable(forwardSource).map(Post::forward);
    }
    if (postType.carriesMedia()) {
      return media.isEmpty()
          ? Optional.empty()
          : Optional.of(Post.media(postType, postText, media));
    }
    return postText == null || postText.isBlank()
        ? Optional.empty()
        : Optional.of(Post.text(postText));
  }
}

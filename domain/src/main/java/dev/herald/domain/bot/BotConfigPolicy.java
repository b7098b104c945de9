package dev.herald.domain.bot;

import dev.herald.domain.media.MediaRef;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.shared.Enums;
import dev.herald.domain.shared.FieldError;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.domain.telegram.PostType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for a bot configuration under a plan: target groups are normalised and deduplicated and
 * at most {@code maxGroups}; a text post is 1 to 4096 characters (Telegram's limit); a forward
 * source is a message link; a media post names media the account owns, of the kinds its type takes
 * (one for PHOTO/VIDEO/DOCUMENT/ANIMATION, 2 to 10 photos and videos for an ALBUM) with a caption
 * of at most 1024 characters; both delays are at least the plan's minimum. Every broken rule is
 * reported at once, each under its field name.
 */
public final class BotConfigPolicy {

  /** Telegram's limit for one text message. */
  public static final int MAX_TEXT_LENGTH = 4096;

  /** Telegram's limit for a media caption. */
  public static final int MAX_CAPTION_LENGTH = 1024;

  /** A week: longer delays are almost certainly a unit mistake (ms for s). */
  public static final int MAX_DELAY_SECONDS = 604_800;

  private BotConfigPolicy() {}

  /** The rules for a configuration that names no media. */
  public static BotConfig validate(BotConfigInput input, PlanLimits limits) {
    return validate(input, limits, List.of());
  }

  /**
   * The rules, given {@code owned}: those of the media the input names that exist and belong to the
   * account (any other id is refused as unknown, whoever owns it).
   */
  public static BotConfig validate(
      BotConfigInput input, PlanLimits limits, Collection<MediaRef> owned) {
    List<FieldError> errors = new ArrayList<>();
    List<ChatReference> groups = groups(input.targetGroups(), limits, errors);
    PostType type = postType(input.postType(), errors);
    String text = text(input.postText(), type, errors);
    List<MediaRef> media = PostMediaRules.media(type, input.mediaIds(), owned, errors);
    MessageLink source = forwardSource(input.forwardSource(), errors);
    int postDelay =
        delay(
            "delay_between_posts_seconds",
            input.delayBetweenPostsSeconds(),
            limits.minDelayBetweenPostsSeconds(),
            errors);
    int cycleDelay =
        delay(
            "delay_between_cycles_seconds",
            input.delayBetweenCyclesSeconds(),
            limits.minDelayBetweenCyclesSeconds(),
            errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new BotConfig(groups, type, text, source, postDelay, cycleDelay, media);
  }

  private static List<ChatReference> groups(
      List<String> raw, PlanLimits limits, List<FieldError> errors) {
    if (raw == null) {
      return List.of();
    }
    Set<ChatReference> unique = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      Optional<ChatReference> parsed = ChatReference.tryParse(raw.get(i));
      if (parsed.isPresent()) {
        unique.add(parsed.get());
      } else {
        errors.add(
            new FieldError(
                "target_groups[" + i + "]",
                "Not a Telegram chat: use @username, a https://t.me/ link or a numeric chat id."));
      }
    }
    if (unique.size() > limits.maxGroups()) {
      errors.add(
          new FieldError(
              "target_groups",
              "Your plan allows at most "
                  + limits.maxGroups()
                  + " target groups, got "
                  + unique.size()
                  + "."));
    }
    return List.copyOf(unique);
  }

  private static PostType postType(String raw, List<FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      return PostType.TEXT;
    }
    Optional<PostType> type = Enums.parse(PostType.class, raw);
    if (type.isEmpty()) {
      errors.add(
          new FieldError(
              "post_type",
              "Post type must be TEXT, FORWARD, PHOTO, VIDEO, DOCUMENT, ANIMATION or ALBUM."));
    }
    return type.orElse(PostType.TEXT);
  }

  private static String text(String raw, PostType type, List<FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (type.carriesMedia() && raw.length() > MAX_CAPTION_LENGTH) {
      errors.add(new FieldError("post_text", "A caption must be at most 1024 characters."));
    } else if (raw.length() > MAX_TEXT_LENGTH) {
      errors.add(new FieldError("post_text", "Post text must be 1 to 4096 characters."));
    }
    return raw;
  }

  private static MessageLink forwardSource(String raw, List<FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    Optional<MessageLink> link = MessageLink.tryParse(raw);
    if (link.isEmpty()) {
      errors.add(
          new FieldError(
              "forward_source", "Give the message as a link: https://t.me/<chat>/<message id>."));
    }
    return link.orElse(null);
  }

  private static int delay(String field, Integer raw, int minimum, List<FieldError> errors) {
    if (raw == null) {
      return minimum;
    }
    if (raw < minimum) {
      errors.add(new FieldError(field, "Must be at least " + minimum + " seconds on your plan."));
    } else if (raw > MAX_DELAY_SECONDS) {
      errors.add(new FieldError(field, "Must be at most " + MAX_DELAY_SECONDS + " seconds."));
    }
    return raw;
  }
}

package dev.herald.domain.bot;

import dev.herald.domain.bot.BotConfigInput.PostInput;
import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.content.Rotation;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.schedule.Schedule;
import dev.herald.domain.schedule.SchedulePolicy;
import dev.herald.domain.shared.Enums;
import dev.herald.domain.shared.FieldError;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.TextFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for a bot configuration under a plan: target groups are normalised and deduplicated and
 * at most {@code maxGroups}; the posts follow {@link BotPostPolicy} (a text is 1 to 4096 characters
 * once formatted, Telegram's limit); both delays are at least the plan's minimum; the schedule
 * follows {@link SchedulePolicy}. Every broken rule is reported at once, each under its field name.
 */
public final class BotConfigPolicy {

  /** Telegram's limit for one text message. */
  public static final int MAX_TEXT_LENGTH = 4096;

  /** Telegram's limit for a media caption (counted after formatting, as texts are). */
  public static final int MAX_CAPTION_LENGTH = 1024;

  /**
   * Why buttons need {@code sessions_drop_buttons}: every account's cycles also post through pooled
   * user accounts (sessions), and Telegram lets only bots attach inline keyboards.
   */
  static final String SESSIONS_CANNOT_SEND_BUTTONS =
      "Buttons can only be sent by bots: your posts also go out through pooled Telegram user"
          + " accounts, which cannot send them. Set sessions_drop_buttons to true to let those"
          + " posts go without buttons (your own bot still sends them), or remove the buttons.";

  /** A week: longer delays are almost certainly a unit mistake (ms for s). */
  public static final int MAX_DELAY_SECONDS = 604_800;

  private BotConfigPolicy() {}

  /** With plain text only: formatted posts need a {@link TextFormatter} (the other overload). */
  public static BotConfig validate(BotConfigInput input, PlanLimits limits) {
    return validate(input, limits, TextFormatter.plainOnly());
  }

  /** Without media of the account: any medium id the input names is refused as unknown. */
  public static BotConfig validate(
      BotConfigInput input, PlanLimits limits, TextFormatter formatter) {
    return validate(input, limits, formatter, List.of());
  }

  /** With plain text only, given the account's media the input names. */
  public static BotConfig validate(
      BotConfigInput input, PlanLimits limits, Collection<MediaRef> owned) {
    return validate(input, limits, TextFormatter.plainOnly(), owned);
  }

  /**
   * The rules, given {@code owned}: those of the media the input names that exist and belong to the
   * account (any other id is refused as unknown, whoever owns it).
   */
  public static BotConfig validate(
      BotConfigInput input,
      PlanLimits limits,
      TextFormatter formatter,
      Collection<MediaRef> owned) {
    List<FieldError> errors = new ArrayList<>();
    List<ChatReference> groups = groups(input.targetGroups(), limits, errors);
    BotPosts content = content(input, limits, formatter, owned, errors);
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
    Schedule schedule = SchedulePolicy.validate(input.schedule(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new BotConfig(groups, content, postDelay, cycleDelay, schedule);
  }

  /**
   * The posts: the list, or the one-post shorthand, not both; 1 to the plan's {@code
   * max_posts_per_bot} posts, each with at most its {@code max_buttons}; and buttons only where the
   * tenant accepts that pooled sessions post without them.
   */
  private static BotPosts content(
      BotConfigInput input,
      PlanLimits limits,
      TextFormatter formatter,
      Collection<MediaRef> owned,
      List<FieldError> errors) {
    List<BotPost> posts = new ArrayList<>();
    if (input.posts() == null) {
      posts.add(
          BotPostPolicy.validate(
              new PostInput(
                  input.postType(),
                  input.postText(),
                  input.format(),
                  input.forwardSource(),
                  null,
                  input.mediaIds()),
              BotPostPolicy.Fields.FLAT,
              formatter,
              limits.maxButtons(),
              owned,
              errors));
    } else {
      if (flatDisagrees(input)) {
        errors.add(
            new FieldError(
                "posts",
                "Send either posts or the one-post fields (post_type, post_text, forward_source,"
                    + " format, media_ids); with both, the one-post fields must repeat the first"
                    + " post."));
      }
      int maxPosts = limits.maxPostsPerBot();
      if (input.posts().isEmpty() || input.posts().size() > maxPosts) {
        errors.add(
            new FieldError(
                "posts",
                "Your plan allows 1 to "
                    + maxPosts
                    + " posts per bot (max_posts_per_bot), got "
                    + input.posts().size()
                    + "."));
      }
      for (int i = 0; i < input.posts().size() && i < maxPosts; i++) {
        PostInput post = input.posts().get(i);
        posts.add(
            BotPostPolicy.validate(
                post == null ? new PostInput(null, null, null, null, null) : post,
                BotPostPolicy.Fields.inList(i),
                formatter,
                limits.maxButtons(),
                owned,
                errors));
      }
      if (posts.isEmpty()) {
        posts.add(BotPost.plainText(null));
      }
    }
    Rotation rotation = rotation(input.rotation(), errors);
    boolean dropButtons = Boolean.TRUE.equals(input.sessionsDropButtons());
    if (!dropButtons && limits.maxSessions() > 0 && posts.stream().anyMatch(BotPost::hasButtons)) {
      errors.add(new FieldError("sessions_drop_buttons", SESSIONS_CANNOT_SEND_BUTTONS));
    }
    return new BotPosts(posts, rotation, dropButtons);
  }

  /**
   * A response carries both the list and the flat fields (the first post), so a client may send a
   * configuration back as it read it: the flat fields then count only if they differ.
   */
  private static boolean flatDisagrees(BotConfigInput input) {
    PostInput first = input.posts().isEmpty() ? null : input.posts().get(0);
    return differs(input.postType(), first == null ? null : first.type(), true)
        || differs(input.postText(), first == null ? null : first.text(), false)
        || differs(input.forwardSource(), first == null ? null : first.forwardSource(), false)
        || differs(input.format(), first == null ? null : first.format(), true)
        || (input.mediaIds() != null
            && !input
                .mediaIds()
                .equals(first == null || first.mediaIds() == null ? List.of() : first.mediaIds()));
  }

  private static boolean differs(String flat, String listed, boolean anyCase) {
    if (flat == null) {
      return false;
    }
    String other = listed == null ? "" : listed;
    return anyCase ? !flat.equalsIgnoreCase(other) : !flat.equals(other);
  }

  private static Rotation rotation(String raw, List<FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      return Rotation.IN_ORDER;
    }
    Optional<Rotation> rotation = Enums.parse(Rotation.class, raw);
    if (rotation.isEmpty()) {
      errors.add(new FieldError("rotation", "Rotation must be IN_ORDER or RANDOM."));
    }
    return rotation.orElse(Rotation.IN_ORDER);
  }

  private static List<ChatReference> groups(
      List<String> raw, PlanLimits limits, List<FieldError> errors) {
    if (raw == null) {
      return List.of();
    }
    Set<ChatReference> unique = new LinkedHashSet<>();
    Map<ChatReference, ChatReference> byChat = new HashMap<>();
    for (int i = 0; i < raw.size(); i++) {
      Optional<ChatReference> parsed = ChatReference.tryParse(raw.get(i));
      if (parsed.isPresent()) {
        ChatReference other = byChat.putIfAbsent(parsed.get().chat(), parsed.get());
        if (other != null && !other.equals(parsed.get())) {
          // Two topics of one group would be two posts in it per cycle, paced apart as if they
          // were two chats: its slow mode and Telegram's per-chat limit count the group.
          errors.add(
              new FieldError(
                  "target_groups[" + i + "]",
                  "Names "
                      + parsed.get().chat()
                      + " again, as "
                      + other
                      + " does: choose one topic per group."));
          continue;
        }
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

package dev.herald.api.bot;

import dev.herald.domain.bot.BotConfig;
import dev.herald.domain.bot.BotConfigInput;
import dev.herald.domain.telegram.ChatReference;
import java.util.List;

/**
 * A bot configuration on the wire, both ways; the domain policy does the checking. The content is
 * {@code posts} (with {@code rotation} and {@code sessions_drop_buttons}), or the one-post
 * shorthand {@code post_type}, {@code post_text}, {@code forward_source}, {@code media_ids}, {@code
 * format}. A response carries both: the flat fields repeat the first post, so a body read can be
 * sent back.
 */
public record BotConfigBody(
    List<String> targetGroups,
    String postType,
    String postText,
    String forwardSource,
    String format,
    List<PostBody> posts,
    String rotation,
    Boolean sessionsDropButtons,
    Integer delayBetweenPostsSeconds,
    Integer delayBetweenCyclesSeconds,
    ScheduleBody schedule,
    List<Long> mediaIds) {

  BotConfigInput toInput() {
    return new BotConfigInput(
        targetGroups,
        postType,
        postText,
        forwardSource,
        format,
        posts == null ? null : posts.stream().map(p -> p == null ? null : p.toInput()).toList(),
        rotation,
        sessionsDropButtons,
        delayBetweenPostsSeconds,
        delayBetweenCyclesSeconds,
        schedule == null ? null : schedule.toInput(),
        mediaIds);
  }

  public static BotConfigBody of(BotConfig config) {
    return new BotConfigBody(
        config.targetGroups().stream().map(ChatReference::canonical).toList(),
        config.postType().name(),
        config.postText(),
        config.forwardSource() == null ? null : config.forwardSource().toLink(),
        config.firstPost().format().name(),
        config.posts().stream().map(PostBody::of).toList(),
        config.rotation().name(),
        config.content().sessionsDropButtons(),
        config.delayBetweenPostsSeconds(),
        config.delayBetweenCyclesSeconds(),
        ScheduleBody.of(config.schedule()),
        PostBody.mediaIdsOf(config.firstPost().media()));
  }
}

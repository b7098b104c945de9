package dev.herald.api.bot;

import dev.herald.domain.bot.BotConfig;
import dev.herald.domain.bot.BotConfigInput;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.telegram.ChatReference;
import java.util.List;

/** A bot configuration on the wire, both ways; the domain policy does the checking. */
public record BotConfigBody(
    List<String> targetGroups,
    String postType,
    String postText,
    String forwardSource,
    Integer delayBetweenPostsSeconds,
    Integer delayBetweenCyclesSeconds,
    List<Long> mediaIds) {

  BotConfigInput toInput() {
    return new BotConfigInput(
        targetGroups,
        postType,
        postText,
        forwardSource,
        delayBetweenPostsSeconds,
        delayBetweenCyclesSeconds,
        mediaIds);
  }

  public static BotConfigBody of(BotConfig config) {
    return new BotConfigBody(
        config.targetGroups().stream().map(ChatReference::canonical).toList(),
        config.postType().name(),
        config.postText(),
        config.forwardSource() == null ? null : config.forwardSource().toLink(),
        config.delayBetweenPostsSeconds(),
        config.delayBetweenCyclesSeconds(),
        config.media().isEmpty() ? null : config.media().stream().map(MediaRef::id).toList());
  }
}

package dev.herald.domain.content;

import dev.herald.domain.telegram.TextFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A bot's posts and how cycles take turns with them. The pick depends only on the bot's cycle
 * number, so a node that takes over an abandoned cycle sends the same post as the node that began
 * it.
 */
public record BotPosts(List<BotPost> posts, Rotation rotation, boolean sessionsDropButtons) {

  public BotPosts {
    posts = List.copyOf(posts);
    rotation = rotation == null ? Rotation.IN_ORDER : rotation;
  }

  public static BotPosts of(BotPost post) {
    return new BotPosts(List.of(post), Rotation.IN_ORDER, false);
  }

  /**
   * True when the flat one-post fields say it all: one plain text or forward post without buttons
   * or media (rotation and the buttons flag then change nothing). Such a bot stores no JSON, so the
   * engine's claim of its cycles parses none.
   */
  public boolean onePlainPost() {
    return posts.size() == 1
        && !posts.get(0).type().carriesMedia()
        && posts.get(0).format() == TextFormat.PLAIN
        && !posts.get(0).hasButtons();
  }

  /** The post of cycle number {@code cycleId} of account {@code accountId}. */
  public BotPost pick(long accountId, long cycleId) {
    if (posts.isEmpty()) {
      throw new IllegalStateException("No posts configured");
    }
    int n = posts.size();
    int index =
        rotation == Rotation.RANDOM
            ? new SplittableRandom(seed(accountId, cycleId)).nextInt(n)
            : (int) Math.floorMod(cycleId, (long) n);
    return posts.get(index);
  }

  /** A seed per (bot, cycle): the same cycle draws the same on every node. */
  static long seed(long accountId, long cycleId) {
    return accountId * 0x9E3779B97F4A7C15L + cycleId;
  }
}

package dev.herald.domain.content;

import dev.herald.domain.telegram.TextFormat;
import dev.herald.domain.telegram.UrlButton;
import java.util.ArrayList;
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

  /**
   * The posts a plan allows now (SPEC rule 18: a downgrade reaches a running bot at its next
   * cycle): the first {@code maxPosts} posts stay in the rotation, and each post keeps its first
   * {@code maxButtons} buttons in reading order (row by row; rows left empty go). The stored
   * configuration stays as the tenant saved it, so an upgrade brings the rest back; {@code
   * dev.herald.domain.bot.PlanCuts} tells the tenant what this leaves out.
   */
  public BotPosts withinPlan(int maxPosts, int maxButtons) {
    if (posts.size() <= maxPosts
        && posts.stream().allMatch(post -> buttonCount(post) <= maxButtons)) {
      return this;
    }
    List<BotPost> kept = new ArrayList<>();
    for (BotPost post : posts.subList(0, Math.min(maxPosts, posts.size()))) {
      kept.add(buttonCount(post) <= maxButtons ? post : withFirstButtons(post, maxButtons));
    }
    return new BotPosts(kept, rotation, sessionsDropButtons);
  }

  /** How many URL buttons the post carries, over all its rows. */
  public static int buttonCount(BotPost post) {
    return post.buttons().stream().mapToInt(List::size).sum();
  }

  private static BotPost withFirstButtons(BotPost post, int count) {
    List<List<UrlButton>> rows = new ArrayList<>();
    int left = count;
    for (List<UrlButton> row : post.buttons()) {
      if (left == 0) {
        break;
      }
      List<UrlButton> kept = row.subList(0, Math.min(left, row.size()));
      rows.add(kept);
      left -= kept.size();
    }
    return new BotPost(
        post.type(), post.text(), post.format(), post.forwardSource(), rows, post.media());
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

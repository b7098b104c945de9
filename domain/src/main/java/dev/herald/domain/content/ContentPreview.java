package dev.herald.domain.content;

import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TextFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The first sends of a bot, rendered by the engine's own {@link CycleContent}: sample {@code k} is
 * what chat {@code k % chats} gets in cycle {@code k / chats}, as the tenant's bot sends it (with
 * buttons). Cycles count from 0, as after a first start.
 */
public final class ContentPreview {

  /** Samples one preview may ask for. */
  public static final int MAX_SAMPLES = 50;

  /** One rendered send: which cycle, chat and post of the list, and the post as sent. */
  public record Sample(int cycle, int chat, int postIndex, Post post) {}

  private ContentPreview() {}

  public static List<Sample> samples(
      BotPosts posts, long accountId, int chatsPerCycle, int count, TextFormatter formatter) {
    int chats = Math.max(1, chatsPerCycle);
    List<Sample> samples = new ArrayList<>();
    CycleContent cycle = null;
    for (int k = 0; k < count; k++) {
      int cycleNumber = k / chats;
      if (k % chats == 0) {
        cycle = CycleContent.of(posts, accountId, cycleNumber, formatter);
      }
      samples.add(
          new Sample(
              cycleNumber,
              k % chats,
              posts.posts().indexOf(cycle.post()),
              cycle.forChat(k % chats, Sender.Kind.USER_BOT)));
    }
    return samples;
  }
}

package dev.herald.domain.content;

import dev.herald.domain.telegram.FormattedText;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TextFormat;
import dev.herald.domain.telegram.TextFormatException;
import dev.herald.domain.telegram.TextFormatter;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one cycle sends to each of its chats: the cycle's post (picked by the bot's {@link
 * Rotation}), with the chat at position {@code slot} getting variant rendering {@code start + slot}
 * so no two chats of a cycle get the same text while the variants allow it ({@code start} is drawn
 * per cycle, so cycles do not always begin with the same text). Each distinct rendering is parsed
 * once per cycle and the {@link Post} reused: a post without variants costs one parse per cycle,
 * not one per send. User accounts (sessions) cannot send buttons, so they get the post without
 * them. A media post's caption is rendered the same way, and the post carries its media. Safe to
 * use from several lanes at once.
 */
public final class CycleContent {

  private final BotPost post;
  private final VariantText variants;
  private final long start;
  private final TextFormatter formatter;
  private final Map<String, Post> rendered = new ConcurrentHashMap<>();

  private CycleContent(BotPost post, long start, TextFormatter formatter) {
    this.post = post;
    this.variants =
        post.type() == PostType.FORWARD || post.text() == null
            ? null
            : VariantText.parseOrLiteral(post.text());
    this.start = variants == null ? 0 : Math.floorMod(start, variants.count());
    this.formatter = formatter;
  }

  public static CycleContent of(
      BotPosts posts, long accountId, long cycleId, TextFormatter formatter) {
    long start = new SplittableRandom(BotPosts.seed(accountId, cycleId)).nextLong();
    return new CycleContent(posts.pick(accountId, cycleId), start, formatter);
  }

  /** The post this cycle configured (before rendering). */
  public BotPost post() {
    return post;
  }

  /**
   * The post for the chat at position {@code slot} of the cycle, as {@code kind} of sender may send
   * it.
   *
   * @throws dev.herald.domain.telegram.TextFormatException when the rendering does not parse
   */
  public Post forChat(int slot, Sender.Kind kind) {
    Post made = render(slot);
    return kind == Sender.Kind.SESSION ? made.withoutButtons() : made;
  }

  private Post render(long slot) {
    if (variants == null) {
      return rendered.computeIfAbsent(
          "",
          none ->
              post.type() == PostType.FORWARD
                  ? Post.forward(post.forwardSource())
                  : Post.media(post.type(), null, post.media(), post.buttons()));
    }
    boolean markdown = post.format() == TextFormat.MARKDOWN;
    if (!variants.hasVariants()) {
      // One rendering: no copy of the text per send, one lookup under a fixed key.
      return rendered.computeIfAbsent("", none -> make(variants.render(0, markdown)));
    }
    return rendered.computeIfAbsent(variants.render(start + slot, markdown), this::make);
  }

  private Post make(String source) {
    FormattedText text = formatter.parse(source, post.format());
    if (post.type().carriesMedia()) {
      return Post.media(post.type(), text, post.media(), post.buttons());
    }
    if (text.text().isBlank()) {
      throw new TextFormatException("This variant of the post is empty once formatted.");
    }
    return Post.text(text, post.buttons());
  }
}

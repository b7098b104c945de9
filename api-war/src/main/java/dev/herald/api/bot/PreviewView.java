package dev.herald.api.bot;

import dev.herald.api.bot.PostBody.ButtonBody;
import dev.herald.domain.content.ContentPreview;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.TextEntity;
import java.util.List;

/**
 * The answer of {@code POST /bot/preview}: each sample as the tenant's bot would send it (text
 * after variants and parsing, entities in the Bot API's terms, the source of a forward, buttons, a
 * media post's media ids). Pooled sessions send the same without the buttons.
 */
public record PreviewView(List<SampleView> samples) {

  /** One send: cycle and chat (from 0), the post's place in the list, and the message. */
  public record SampleView(
      int cycle,
      int chat,
      int postIndex,
      String type,
      String text,
      List<EntityView> entities,
      String forwardSource,
      List<List<ButtonBody>> buttons,
      List<Long> mediaIds) {}

  /** A {@code MessageEntity}: type, UTF-16 offset and length, url or language where they apply. */
  public record EntityView(String type, int offset, int length, String url, String language) {}

  static PreviewView of(List<ContentPreview.Sample> samples) {
    return new PreviewView(samples.stream().map(PreviewView::sample).toList());
  }

  private static SampleView sample(ContentPreview.Sample sample) {
    Post post = sample.post();
    return new SampleView(
        sample.cycle(),
        sample.chat(),
        sample.postIndex(),
        post.type().name(),
        post.text(),
        post.entities().stream().map(PreviewView::entity).toList(),
        post.source() == null ? null : post.source().toLink(),
        PostBody.buttonsOf(post.buttons()),
        PostBody.mediaIdsOf(post.media()));
  }

  private static EntityView entity(TextEntity e) {
    return new EntityView(e.type(), e.offset(), e.length(), e.url(), e.language());
  }
}

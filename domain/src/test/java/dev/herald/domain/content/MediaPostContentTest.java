package dev.herald.domain.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.media.MediaKind;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TextEntity;
import dev.herald.domain.telegram.TextFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A media post belongs to the bot's posts: stored with them, rendered with its caption. */
class MediaPostContentTest {

  private static final List<MediaRef> ALBUM =
      List.of(new MediaRef(12, MediaKind.PHOTO), new MediaRef(13, MediaKind.VIDEO));

  private static BotPost photo(String caption, TextFormat format) {
    return new BotPost(PostType.PHOTO, caption, format, null, List.of(), ALBUM.subList(0, 1));
  }

  @Test
  void aPostsMediaSurviveTheStoredJsonInOrder() {
    BotPosts posts =
        new BotPosts(
            List.of(
                BotPost.plainText("first"),
                new BotPost(PostType.ALBUM, "*Both*", TextFormat.MARKDOWN, null, List.of(), ALBUM)),
            Rotation.IN_ORDER,
            false);
    BotPosts read = BotPostsJson.read(BotPostsJson.write(posts));
    assertEquals(posts, read);
    assertEquals(ALBUM, read.posts().get(1).media());
  }

  @Test
  void onlyOnePlainTextOrForwardPostGoesWithoutJson() {
    assertTrue(BotPosts.of(BotPost.plainText("hi")).onePlainPost());
    assertFalse(BotPosts.of(photo(null, TextFormat.PLAIN)).onePlainPost());
  }

  @Test
  void aMediaPostCarriesItsMediaAndItsFormattedCaptionToEveryChat() {
    CycleContent cycle =
        CycleContent.of(
            BotPosts.of(photo("Look *here*", TextFormat.MARKDOWN)), 1, 1, new StarFormatter());
    Post post = cycle.forChat(3, Sender.Kind.SESSION);
    assertEquals(PostType.PHOTO, post.type());
    assertEquals(ALBUM.subList(0, 1), post.media());
    assertEquals("Look here", post.text());
    assertEquals(List.of(TextEntity.of("bold", 5, 4)), post.entities());
  }

  @Test
  void aMediaPostWithoutCaptionIsSentWithoutText() {
    Post post =
        CycleContent.of(BotPosts.of(photo(null, TextFormat.PLAIN)), 1, 1, new StarFormatter())
            .forChat(0, Sender.Kind.USER_BOT);
    assertTrue(post.caption().isEmpty());
    assertEquals(ALBUM.subList(0, 1), post.media());
  }
}

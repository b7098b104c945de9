package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.content.BotPostsJson;
import dev.herald.domain.content.CycleContent;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.media.MediaKind;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TextFormatter;
import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's claim hands a media post over whole: type, caption and media in order. */
class ClaimedMediaPostTest extends DatabaseTest {

  private final JdbcLeaseStore leases = new JdbcLeaseStore(TestDatabase.dataSource());

  private Post claimed(PostType type, String text, MediaRef... media) {
    long account =
        rows.bot(
            rows.account("ACTIVE", null), "RUNNING", Instant.now().minusSeconds(1), "@herald_one");
    rows.update(
        "UPDATE bot SET post_type = ?, post_text = ?, content_json = ? WHERE account_id = ?",
        type.name(),
        text,
        media.length == 0
            ? null
            : BotPostsJson.write(
                BotPosts.of(new BotPost(type, text, null, null, List.of(), List.of(media)))),
        account);
    List<DueCycle> due =
        leases.claimDue("node-a", Duration.ofSeconds(1), Duration.ofMinutes(1), 10);
    return CycleContent.of(due.get(0).content(), account, 0, TextFormatter.plainOnly())
        .forChat(0, Sender.Kind.USER_BOT);
  }

  @Test
  void anAlbumIsClaimedWithItsMediaInOrderAndItsCaption() {
    assertEquals(
        Post.media(
            PostType.ALBUM,
            "Three",
            List.of(
                new MediaRef(12, MediaKind.PHOTO),
                new MediaRef(13, MediaKind.VIDEO),
                new MediaRef(11, MediaKind.PHOTO))),
        claimed(
            PostType.ALBUM,
            "Three",
            new MediaRef(12, MediaKind.PHOTO),
            new MediaRef(13, MediaKind.VIDEO),
            new MediaRef(11, MediaKind.PHOTO)));
  }

  @Test
  void aPhotoWithoutCaptionAndATextPostAreClaimedAsTheyWereSaved() {
    assertEquals(
        Post.media(PostType.PHOTO, null, List.of(new MediaRef(5, MediaKind.PHOTO))),
        claimed(PostType.PHOTO, null, new MediaRef(5, MediaKind.PHOTO)));
    TestDatabase.clean();
    assertEquals(Post.text("hello"), claimed(PostType.TEXT, "hello"));
  }
}

package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.media.MediaKind;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import dev.herald.persistence.TestDatabase;
import dev.herald.persistence.TestRows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's claim hands a media post over whole: type, caption and media in order. */
class ClaimedMediaPostTest {

  private final TestRows rows = new TestRows(TestDatabase.dataSource());
  private final JdbcLeaseStore leases = new JdbcLeaseStore(TestDatabase.dataSource());

  @BeforeEach
  void clean() {
    TestDatabase.clean();
  }

  private Post claimed(String type, String text, String media) {
    long account =
        rows.bot(
            rows.account("ACTIVE", null), "RUNNING", Instant.now().minusSeconds(1), "@herald_one");
    rows.update(
        "UPDATE bot SET post_type = ?, post_text = ?, post_media = ? WHERE account_id = ?",
        type,
        text,
        media,
        account);
    List<DueCycle> due =
        leases.claimDue("node-a", Duration.ofSeconds(1), Duration.ofMinutes(1), 10);
    return due.get(0).post();
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
        claimed("ALBUM", "Three", "PHOTO:12,VIDEO:13,PHOTO:11"));
  }

  @Test
  void aPhotoWithoutCaptionAndATextPostAreClaimedAsTheyWereSaved() {
    assertEquals(
        Post.media(PostType.PHOTO, null, List.of(new MediaRef(5, MediaKind.PHOTO))),
        claimed("PHOTO", null, "PHOTO:5"));
    TestDatabase.clean();
    assertEquals(Post.text("hello"), claimed("TEXT", "hello", null));
  }
}

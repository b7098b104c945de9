package dev.herald.persistence.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.content.BotPostsJson;
import dev.herald.domain.media.MediaFormat;
import dev.herald.domain.media.MediaKind;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.media.MediaStore.Deletion;
import dev.herald.domain.media.Medium;
import dev.herald.domain.media.NewMedium;
import dev.herald.domain.shared.Page;
import dev.herald.domain.shared.PageRequest;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.Sender;
import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import dev.herald.persistence.engine.JdbcHousekeeping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcMediaStoreTest extends DatabaseTest {

  private final JdbcMediaStore store = new JdbcMediaStore(TestDatabase.dataSource());
  private long account;
  private long other;

  @BeforeEach
  void twoAccounts() {
    account = rows.account("ACTIVE", null);
    other = rows.account("ACTIVE", null);
  }

  private Medium upload(long owner, byte... bytes) {
    return store
        .insert(new NewMedium(owner, MediaFormat.JPEG, "a.jpg", bytes, "f".repeat(64)), 100)
        .orElseThrow();
  }

  @Test
  void aStoredMediumIsReadBackWithItsBytesAndOnlyByItsOwner() {
    Medium stored = upload(account, (byte) 1, (byte) 2, (byte) 3);

    assertEquals(MediaKind.PHOTO, stored.kind());
    assertEquals("image/jpeg", stored.contentType());
    assertEquals(3, stored.sizeBytes());
    assertEquals("a.jpg", stored.fileName());
    assertNotNull(stored.createdAt());
    assertEquals(stored, store.find(account, stored.id()).orElseThrow());
    assertArrayEquals(new byte[] {1, 2, 3}, store.content(stored.id()).orElseThrow());
    assertTrue(store.find(other, stored.id()).isEmpty());
    assertEquals(Deletion.NOT_FOUND, store.delete(other, stored.id()));
    assertEquals(List.of(), store.findAll(other, List.of(stored.id())));
    assertEquals(List.of(stored), store.findAll(account, List.of(stored.id(), 999L)));
  }

  @Test
  void theListPagesNewestFirstAndShowsOnlyTheOwnersMedia() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(upload(account, (byte) i).id());
    }
    upload(other, (byte) 9);

    Page<Medium> first = store.list(account, PageRequest.first(3));
    assertEquals(
        List.of(ids.get(4), ids.get(3), ids.get(2)),
        first.items().stream().map(Medium::id).toList());
    Page<Medium> second = store.list(account, PageRequest.parse(first.nextCursor(), "3"));
    assertEquals(List.of(ids.get(1), ids.get(0)), second.items().stream().map(Medium::id).toList());
    assertEquals(null, second.nextCursor());
  }

  @Test
  void concurrentUploadsNeverPassThePlansCountAndARefusedOneStoresNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Optional<Medium>>> uploads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        uploads.add(
            () ->
                store.insert(
                    new NewMedium(account, MediaFormat.PNG, null, new byte[] {1}, "e".repeat(64)),
                    3));
      }
      int stored = 0;
      for (Future<Optional<Medium>> f : pool.invokeAll(uploads)) {
        stored += f.get().isPresent() ? 1 : 0;
      }
      assertEquals(3, stored);
      assertEquals(3, rows.count("SELECT count(*) FROM medium WHERE account_id = ?", account));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMediumAPostUsesCannotBeDeletedUntilThePostChanges() {
    Medium used = upload(account, (byte) 1);
    Medium lookalike = upload(account, (byte) 2);
    rows.bot(account, "STOPPED", null, "");
    rows.update(
        "UPDATE bot SET post_type = 'ALBUM', content_json = ? WHERE account_id = ?",
        contentJson(
            PostType.ALBUM,
            new MediaRef(used.id(), MediaKind.PHOTO),
            new MediaRef(used.id() * 10, MediaKind.VIDEO)),
        account);

    assertEquals(Deletion.IN_USE, store.delete(account, used.id()));
    assertEquals(Deletion.DELETED, store.delete(account, lookalike.id()));

    rows.update(
        "UPDATE bot SET post_type = 'TEXT', content_json = NULL WHERE account_id = ?", account);
    assertEquals(Deletion.DELETED, store.delete(account, used.id()));
    assertTrue(store.content(used.id()).isEmpty());
  }

  @Test
  void eachSenderKeepsItsOwnFileIdAndTheNewestWins() {
    Medium m = upload(account, (byte) 1);
    Sender bot = Sender.userBot(7, "token");
    Sender session = Sender.session(7);

    assertTrue(store.remoteFileId(m.id(), bot).isEmpty());
    store.rememberRemoteFileId(m.id(), bot, "AgAD-first");
    store.rememberRemoteFileId(m.id(), bot, "AgAD-second");
    store.rememberRemoteFileId(m.id(), session, "remote-7");

    assertEquals(Optional.of("AgAD-second"), store.remoteFileId(m.id(), bot));
    assertEquals(Optional.of("remote-7"), store.remoteFileId(m.id(), session));
    assertTrue(store.remoteFileId(m.id(), Sender.userBot(8, "t")).isEmpty());

    store.delete(account, m.id());
    store.rememberRemoteFileId(m.id(), bot, "late");
    assertEquals(0, rows.count("SELECT count(*) FROM medium_remote_file"));
  }

  @Test
  void housekeepingDeletesOldMediaNoPostUsesAndKeepsTheRest() {
    Medium oldUnused = upload(account, (byte) 1);
    Medium oldUsed = upload(account, (byte) 2);
    Medium fresh = upload(account, (byte) 3);
    Medium othersOld = upload(other, (byte) 4);
    rows.update(
        "UPDATE medium SET created_at = now() - interval '40 days' WHERE id <> ?", fresh.id());
    rows.bot(account, "STOPPED", null, "");
    rows.update(
        "UPDATE bot SET post_type = 'PHOTO', content_json = ? WHERE account_id = ?",
        contentJson(PostType.PHOTO, new MediaRef(oldUsed.id(), MediaKind.PHOTO)),
        account);
    // Another account's post naming the same id does not keep this account's medium.
    rows.bot(other, "STOPPED", null, "");
    rows.update(
        "UPDATE bot SET post_type = 'PHOTO', content_json = ? WHERE account_id = ?",
        contentJson(PostType.PHOTO, new MediaRef(oldUnused.id(), MediaKind.PHOTO)),
        other);

    long deleted =
        new JdbcHousekeeping(TestDatabase.dataSource())
            .deleteOrphanMedia(Instant.now().minusSeconds(30L * 86_400), 1);

    assertEquals(2, deleted);
    assertTrue(store.find(account, oldUnused.id()).isEmpty());
    assertTrue(store.find(other, othersOld.id()).isEmpty());
    assertTrue(store.find(account, oldUsed.id()).isPresent());
    assertTrue(store.find(account, fresh.id()).isPresent());
  }

  /** A bot's content naming {@code media} in one post, as BotPostsJson stores it. */
  static String contentJson(PostType type, MediaRef... media) {
    return BotPostsJson.write(
        BotPosts.of(new BotPost(type, null, null, null, List.of(), List.of(media))));
  }
}

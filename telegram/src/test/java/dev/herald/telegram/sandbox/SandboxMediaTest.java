package dev.herald.telegram.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.herald.domain.media.MediaKind;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.shared.MutableClock;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.telegram.model.SendLog;
import dev.herald.telegram.model.SentMedium;
import dev.herald.telegram.model.TelegramLimits;
import dev.herald.telegram.model.TelegramWorld;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Media posts on the Telegram model: what the send log shows for each post type. */
class SandboxMediaTest {

  private static final Sender SESSION = Sender.session(7);
  private static final ChatReference GROUP = ChatReference.parse("@media_group");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final TelegramWorld telegram = new TelegramWorld(clock, TelegramLimits.telegram());
  private final SandboxGateway sandbox =
      new SandboxGateway(
          new SandboxFaults(FaultPlan.none(), 42), new SandboxWorld(telegram, true), clock);

  /** Sends one post, a quiet while after the previous one (the model's per-chat pace). */
  private SendLog.Entry sendOne(Post post) {
    clock.advance(java.time.Duration.ofMinutes(10));
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(SESSION, GROUP, post));
    List<SendLog.Entry> entries = telegram.sendLog().entries();
    return entries.get(entries.size() - 1);
  }

  @Test
  void eachSingleMediumTypeReachesTheChatAsThatKindWithItsCaption() {
    for (PostType type :
        List.of(PostType.PHOTO, PostType.VIDEO, PostType.DOCUMENT, PostType.ANIMATION)) {
      MediaKind kind = type.singleMediumKind().orElseThrow();
      SendLog.Entry sent =
          sendOne(Post.media(type, "caption " + type, List.of(new MediaRef(3, kind))));
      assertEquals(type.name().toLowerCase(), sent.type());
      assertEquals("caption " + type, sent.text());
      assertEquals(List.of(new SentMedium(kind.name().toLowerCase(), 3)), sent.media());
    }
  }

  @Test
  void anAlbumReachesTheChatAsOneGroupOfAllItsMediaInOrder() {
    List<MediaRef> media =
        List.of(
            new MediaRef(1, MediaKind.PHOTO),
            new MediaRef(2, MediaKind.VIDEO),
            new MediaRef(3, MediaKind.PHOTO));
    long before = telegram.sendLog().attempts();
    clock.advance(java.time.Duration.ofMinutes(10));

    SendOutcome.Delivered first =
        (SendOutcome.Delivered)
            sandbox.send(SESSION, GROUP, Post.media(PostType.ALBUM, null, media));
    SendLog.Entry album = telegram.sendLog().entries().get((int) before);

    assertEquals(before + 1, telegram.sendLog().attempts());
    assertEquals("album", album.type());
    assertEquals("", album.text());
    assertEquals(
        List.of(new SentMedium("photo", 1), new SentMedium("video", 2), new SentMedium("photo", 3)),
        album.media());
    // Telegram gives each medium of the group its own message: the next message id is 3 further.
    clock.advance(java.time.Duration.ofMinutes(10));
    SendOutcome.Delivered next =
        (SendOutcome.Delivered) sandbox.send(SESSION, GROUP, Post.text("after the album"));
    assertEquals(first.messageId() + 3, next.messageId());
  }

  @Test
  void theSameMediaAgainIsADuplicateAndOtherMediaWithTheSameCaptionAreNot() {
    Post photo = Post.media(PostType.PHOTO, "same", List.of(new MediaRef(1, MediaKind.PHOTO)));
    Post other = Post.media(PostType.PHOTO, "same", List.of(new MediaRef(2, MediaKind.PHOTO)));
    sendOne(photo);
    sendOne(other);
    assertEquals(0, telegram.sendLog().duplicates());
    sendOne(photo);
    assertEquals(1, telegram.sendLog().duplicates());
  }
}

package dev.herald.telegram.botapi;

import static dev.herald.telegram.botapi.FakeBotApi.BOT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.media.InMemoryMediaStore;
import dev.herald.domain.media.MediaFormat;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.media.Medium;
import dev.herald.domain.media.SampleMedia;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.SamplePosts;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Media through the Bot API against a local server speaking its protocol: multipart upload on a
 * bot's first send of a medium, its {@code file_id} afterwards; albums as one media group.
 */
class BotApiMediaTest extends FakeBotApiTest {

  private static final ChatReference CHAT = ChatReference.parse("@herald_demo");

  private final InMemoryMediaStore store = new InMemoryMediaStore();
  private FakeBotApiMedia media;
  private BotApiGateway gateway;

  @BeforeEach
  void connect() {
    media = telegram.media();
    gateway = new BotApiGateway(telegram.client(Duration.ofSeconds(5)), false, store);
  }

  private static Post single(PostType type, Medium m, String caption) {
    return Post.media(type, caption, List.of(m.ref()));
  }

  @Test
  void sendPhotoUploadsThePhotoOnceThenSendsItsFileId() {
    byte[] jpeg = SampleMedia.jpeg();
    Medium photo = store.add(1, MediaFormat.JPEG, jpeg);
    Post post = single(PostType.PHOTO, photo, "Look");

    SendOutcome first = gateway.send(BOT, CHAT, post);
    SendOutcome second = gateway.send(BOT, CHAT, post);

    assertInstanceOf(SendOutcome.Delivered.class, first);
    assertInstanceOf(SendOutcome.Delivered.class, second);
    assertEquals(1, media.uploads().size());
    assertEquals("sendPhoto", media.uploads().get(0).method());
    assertArrayEquals(jpeg, media.uploads().get(0).bytes());
    assertEquals(Optional.of("AgAD-1"), store.remoteFileId(photo.id(), BotApiMedia.fileOwner(BOT)));
    assertEquals(
        List.of(
            new FakeBotApiMedia.Sent("sendPhoto", "photo", "AgAD-1"),
            new FakeBotApiMedia.Sent("sendPhoto", "photo", "AgAD-1")),
        media.sent());
    FakeBotApi.Call reuse = telegram.calls().get(1);
    assertTrue(reuse.body().contains("\"photo\":\"AgAD-1\""), reuse.body());
    assertTrue(reuse.body().contains("\"caption\":\"Look\""), reuse.body());
    assertTrue(telegram.calls().get(0).body().contains("name=\"caption\"\r\n\r\nLook"));
    assertEquals(1, store.contentReads(), "the bytes are read for the upload only");
    String upload = telegram.calls().get(0).body();
    assertTrue(
        upload.contains("filename=\"medium-" + photo.id() + ".jpg\"\r\nContent-Type: image/jpeg"),
        "named with its extension and typed, as Telegram reads an upload: "
            + upload.lines().limit(12).toList());
  }

  @Test
  void anUploadHasASecondMorePerStartedMegabyteToBeAnswered() {
    Duration base = Duration.ofSeconds(10);
    assertEquals(base, BotApiClient.uploadTimeout(base, 0));
    assertEquals(Duration.ofSeconds(11), BotApiClient.uploadTimeout(base, 1));
    assertEquals(Duration.ofSeconds(60), BotApiClient.uploadTimeout(base, 50L << 20));
  }

  @Test
  void fileIdsBelongToTheBotNotTheAccountSoANewBotUploadsAgain() {
    Medium photo = store.add(1, MediaFormat.JPEG, SampleMedia.jpeg());
    Post post = single(PostType.PHOTO, photo, null);
    Sender sameAccountNewBot = Sender.userBot(1, "555000111:AAHanotherBotOfTheSameTenantxxxxxx");

    gateway.send(BOT, CHAT, post);
    gateway.send(sameAccountNewBot, CHAT, post);

    assertEquals(
        2, media.uploads().size(), "the new bot cannot send the old bot's file_id: it uploads");
    assertEquals(
        Optional.of("AgAD-1"),
        store.remoteFileId(photo.id(), Sender.userBot(123456789, FakeBotApi.TOKEN)),
        "kept under the bot's own id, the token's number");
  }

  @Test
  void sendMediaGroupSendsAnAlbumAsOneGroupWithTheCaptionOnItsFirstItem() {
    Medium a = store.add(1, MediaFormat.JPEG, SampleMedia.jpeg());
    Medium b = store.add(1, MediaFormat.MP4, SampleMedia.mp4());
    Medium c = store.add(1, MediaFormat.PNG, SampleMedia.png());
    Post album = Post.media(PostType.ALBUM, "Three", List.of(a.ref(), b.ref(), c.ref()));

    SendOutcome first = gateway.send(BOT, CHAT, album);
    SendOutcome again = gateway.send(BOT, CHAT, album);

    assertEquals(new SendOutcome.Delivered(101), first);
    assertEquals(new SendOutcome.Delivered(104), again);
    assertEquals(2, telegram.calls().size(), "one sendMediaGroup call per album");
    assertTrue(telegram.calls().stream().allMatch(c1 -> c1.method().equals("sendMediaGroup")));
    assertEquals(3, media.uploads().size());
    assertEquals(
        List.of("photo", "video", "photo", "photo", "video", "photo"),
        media.sent().stream().map(FakeBotApiMedia.Sent::kind).toList());
    assertEquals(
        media.sent().subList(0, 3).stream().map(FakeBotApiMedia.Sent::fileId).toList(),
        media.sent().subList(3, 6).stream().map(FakeBotApiMedia.Sent::fileId).toList());
    String reuse = telegram.calls().get(1).body();
    assertTrue(reuse.contains("\"caption\":\"Three\""), reuse);
    assertEquals(1, reuse.split("caption", -1).length - 1, reuse);
  }

  @Test
  void sendDocumentAndSendAnimationKeepAFileIdPerBot() {
    Medium pdf = store.add(1, MediaFormat.PDF, SampleMedia.pdf());
    Medium gif = store.add(1, MediaFormat.GIF, SampleMedia.gif());
    Sender otherBot = Sender.userBot(6, "987654321:AAHotherBotTokenxxxxxxxxxxxxxxxxxx");

    gateway.send(BOT, CHAT, single(PostType.DOCUMENT, pdf, null));
    gateway.send(BOT, CHAT, single(PostType.ANIMATION, gif, null));
    gateway.send(otherBot, CHAT, single(PostType.DOCUMENT, pdf, null));
    gateway.send(otherBot, CHAT, single(PostType.DOCUMENT, pdf, null));

    assertEquals(
        List.of("sendDocument", "sendAnimation", "sendDocument", "sendDocument"),
        telegram.calls().stream().map(FakeBotApi.Call::method).toList());
    assertEquals(3, media.uploads().size(), "each bot uploads a medium once");
    assertTrue(store.remoteFileId(pdf.id(), BotApiMedia.fileOwner(BOT)).isPresent());
    assertTrue(store.remoteFileId(gif.id(), BotApiMedia.fileOwner(BOT)).isPresent());
    assertTrue(
        !store
            .remoteFileId(pdf.id(), BotApiMedia.fileOwner(BOT))
            .equals(store.remoteFileId(pdf.id(), BotApiMedia.fileOwner(otherBot))));
  }

  @Test
  void aMediumDeletedSinceThePostWasSavedSendsNothing() {
    Post gone =
        Post.media(
            PostType.PHOTO,
            null,
            List.of(new MediaRef(99, dev.herald.domain.media.MediaKind.PHOTO)));
    assertInstanceOf(SendOutcome.PostRejected.class, gateway.send(BOT, CHAT, gone));
    assertEquals(0, telegram.calls().size());
  }

  @Test
  void aRefusedMediaSendIsMappedLikeAnyOtherAndKeepsNoFileId() {
    Medium photo = store.add(1, MediaFormat.JPEG, SampleMedia.jpeg());
    telegram.error("sendPhoto", 403, "Forbidden: bot was kicked from the supergroup chat");
    assertInstanceOf(
        SendOutcome.ChatForbidden.class,
        gateway.send(BOT, CHAT, single(PostType.PHOTO, photo, null)));
    assertTrue(store.remoteFileId(photo.id(), BotApiMedia.fileOwner(BOT)).isEmpty());
  }

  @Test
  void aFormattedCaptionGoesAsCaptionEntitiesUploadedOrByFileId() {
    Medium photo = store.add(1, MediaFormat.JPEG, SampleMedia.jpeg());
    Post post = SamplePosts.boldCaptionedPhoto(photo.ref());

    gateway.send(BOT, CHAT, post);
    gateway.send(BOT, CHAT, post);

    String upload = telegram.calls().get(0).body();
    assertTrue(upload.contains("name=\"caption_entities\""), upload);
    assertTrue(upload.contains("\"type\":\"bold\""), upload);
    FakeBotApi.Call reuse = telegram.calls().get(1);
    assertTrue(
        reuse
            .body()
            .contains("\"caption_entities\":[{\"type\":\"bold\",\"offset\":0,\"length\":7}]"),
        reuse.body());
  }
}

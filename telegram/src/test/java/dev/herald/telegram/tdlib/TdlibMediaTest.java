package dev.herald.telegram.tdlib;

import static dev.herald.telegram.tdlib.FakeTdlibSessions.logIn;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.over;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.media.InMemoryMediaStore;
import dev.herald.domain.media.MediaFormat;
import dev.herald.domain.media.MediaKind;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.media.Medium;
import dev.herald.domain.media.SampleMedia;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.SamplePosts;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Media through TDLib against {@link FakeTdJson}: {@code inputFileLocal} (the bytes written into
 * the session's folder) on a session's first send of a medium, {@code inputFileRemote} with the
 * remote id {@code getFile} reported afterwards; an album as one {@code sendMessageAlbum}.
 */
class TdlibMediaTest extends FakeTdlibTest {

  private static final ChatReference CHAT = ChatReference.parse("@herald_demo");

  private final InMemoryMediaStore store = new InMemoryMediaStore();

  @Override
  TdlibSessions open() throws Exception {
    return over(td, dataDir, Duration.ofSeconds(2));
  }

  @BeforeEach
  void logInSessionOneWithMedia() {
    sessions.useMedia(store);
    logIn(sessions, 1);
  }

  @Test
  void aPhotoIsSentFromTheSessionsFolderOnceThenByItsRemoteId() throws Exception {
    byte[] jpeg = SampleMedia.jpeg();
    Medium photo = store.add(1, MediaFormat.JPEG, jpeg);
    Post post = Post.media(PostType.PHOTO, "Look", List.of(photo.ref()));

    assertInstanceOf(SendOutcome.Delivered.class, sessions.send(1, CHAT, post).join());
    assertInstanceOf(SendOutcome.Delivered.class, sessions.send(1, CHAT, post).join());

    List<FakeTdlibMedia.Call> calls = td.media.calls();
    assertEquals(2, calls.size());
    String local = calls.get(0).media().get(0).file();
    assertTrue(local.startsWith("local:"), local);
    assertArrayEquals(jpeg, Files.readAllBytes(Path.of(local.substring(6))));
    assertTrue(local.contains("session-1"), "inside the session's own TDLib folder: " + local);
    Optional<String> remote = store.remoteFileId(photo.id(), Sender.session(1));
    assertTrue(remote.isPresent());
    assertEquals(
        new FakeTdlibMedia.Sent("inputMessagePhoto", "remote:" + remote.get()),
        calls.get(1).media().get(0));
    assertEquals(1, store.contentReads(), "the bytes are read for the first send only");
    assertEquals(
        "Look",
        td.last("sendMessage")
            .getJsonObject("input_message_content")
            .getJsonObject("caption")
            .getString("text"));
  }

  @Test
  void theFileGoesInsideTheKindsInputObjectAsTdlib1866ReadsIt() {
    Medium video = store.add(1, MediaFormat.MP4, SampleMedia.mp4());

    SendOutcome outcome =
        sessions.send(1, CHAT, Post.media(PostType.VIDEO, null, List.of(video.ref()))).join();

    assertInstanceOf(SendOutcome.Delivered.class, outcome);
    // td_api.tl: inputMessageVideo video:inputVideo; inputVideo video:InputFile ...
    // supports_streaming:Bool
    JsonObject content = td.last("sendMessage").getJsonObject("input_message_content");
    assertEquals("inputMessageVideo", content.getString("@type"));
    JsonObject input = content.getJsonObject("video");
    assertEquals("inputVideo", input.getString("@type"));
    assertEquals("inputFileLocal", input.getJsonObject("video").getString("@type"));
    assertTrue(input.getBoolean("supports_streaming"));
  }

  @Test
  void theStoreIsNeverCalledOnTdlibsReceiveThread() {
    Medium photo = store.add(1, MediaFormat.JPEG, SampleMedia.jpeg());
    Post post = Post.media(PostType.PHOTO, null, List.of(photo.ref()));
    td.answerAfter(Duration.ofMillis(30));

    // The first send resolves the chat: the send goes on once TDLib answered, on its thread.
    assertInstanceOf(SendOutcome.Delivered.class, sessions.send(1, CHAT, post).join());
    assertInstanceOf(SendOutcome.Delivered.class, sessions.send(1, CHAT, post).join());

    Set<String> callers = Set.copyOf(store.fileCallers());
    assertEquals(1, store.contentReads(), "read once, for the upload");
    assertTrue(store.remoteFileId(photo.id(), Sender.session(1)).isPresent(), "and remembered");
    assertTrue(
        callers.stream().noneMatch(td.receiveThreads::contains),
        "store called on " + callers + "; TDLib's receive thread: " + td.receiveThreads);
  }

  @Test
  void anAlbumIsOneSendMessageAlbumWithEveryMediumInOrder() {
    Medium a = store.add(1, MediaFormat.PNG, SampleMedia.png());
    Medium b = store.add(1, MediaFormat.MP4, SampleMedia.mp4());
    Post album = Post.media(PostType.ALBUM, "Two", List.of(a.ref(), b.ref()));

    SendOutcome outcome = sessions.send(1, CHAT, album).join();

    assertInstanceOf(SendOutcome.Delivered.class, outcome);
    assertEquals(1, td.media.calls().size());
    FakeTdlibMedia.Call call = td.media.calls().get(0);
    assertEquals("sendMessageAlbum", call.method());
    assertEquals(
        List.of("inputMessagePhoto", "inputMessageVideo"),
        call.media().stream().map(FakeTdlibMedia.Sent::content).toList());
    assertTrue(store.remoteFileId(a.id(), Sender.session(1)).isPresent());
    assertTrue(store.remoteFileId(b.id(), Sender.session(1)).isPresent());
  }

  @Test
  void documentsAndAnimationsGoAsTheirOwnContentAndAMissingMediumSendsNothing() {
    Medium pdf = store.add(1, MediaFormat.PDF, SampleMedia.pdf());
    Medium gif = store.add(1, MediaFormat.GIF, SampleMedia.gif());
    sessions.send(1, CHAT, Post.media(PostType.DOCUMENT, null, List.of(pdf.ref()))).join();
    sessions.send(1, CHAT, Post.media(PostType.ANIMATION, null, List.of(gif.ref()))).join();
    assertEquals(
        List.of("inputMessageDocument", "inputMessageAnimation"),
        td.media.calls().stream().map(c -> c.media().get(0).content()).toList());

    Post gone = Post.media(PostType.PHOTO, null, List.of(new MediaRef(99, MediaKind.PHOTO)));
    assertInstanceOf(SendOutcome.PostRejected.class, sessions.send(1, CHAT, gone).join());
    assertEquals(2, td.media.calls().size());
  }

  @Test
  void aFormattedCaptionKeepsItsEntities() {
    Medium photo = store.add(1, MediaFormat.JPEG, SampleMedia.jpeg());
    Post post = SamplePosts.boldCaptionedPhoto(photo.ref());

    assertInstanceOf(SendOutcome.Delivered.class, sessions.send(1, CHAT, post).join());

    JsonObject caption =
        td.last("sendMessage").getJsonObject("input_message_content").getJsonObject("caption");
    assertEquals("Tonight at 8", caption.getString("text"));
    JsonObject bold = caption.getJsonArray("entities").getJsonObject(0);
    assertEquals(0, bold.getInt("offset"));
    assertEquals(7, bold.getInt("length"));
    assertEquals("textEntityTypeBold", bold.getJsonObject("type").getString("@type"));
  }
}

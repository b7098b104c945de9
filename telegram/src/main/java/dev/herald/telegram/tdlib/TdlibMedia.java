package dev.herald.telegram.tdlib;

import dev.herald.domain.media.MediaKind;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.media.MediaStore;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A media post by one session: {@code sendMessage} with {@code inputMessagePhoto/Video/Document/
 * Animation} for one medium, {@code sendMessageAlbum} for an album (one media group). A medium the
 * session sent before goes as {@code inputFileRemote} with the remote id TDLib reported then; one
 * it never sent is written once into the session's TDLib folder and sent as {@code inputFileLocal},
 * and once delivered its remote id ({@code getFile}) is kept for the next sends.
 */
final class TdlibMedia {

  /** Where a session keeps the media it uploads, inside its TDLib database folder. */
  static final String FOLDER = "herald-media";

  private final TdlibSessionClient client;
  private final MediaStore store;
  private final Sender sender;
  private final Executor work;

  /**
   * {@code work} runs what blocks (the store's reads and writes, the file written into the folder):
   * a send continues on TDLib's receive thread once TDLib answered, and that thread must never
   * block, or every session's updates wait.
   */
  TdlibMedia(TdlibSessionClient client, MediaStore store, Sender sender, Executor work) {
    this.client = client;
    this.store = store;
    this.sender = sender;
    this.work = work;
  }

  CompletableFuture<SendOutcome> send(TdlibDestination to, Post post) {
    return CompletableFuture.supplyAsync(() -> request(to, post), work)
        .thenCompose(request -> request);
  }

  private CompletableFuture<SendOutcome> request(TdlibDestination to, Post post) {
    List<JsonObject> contents = new ArrayList<>();
    List<MediaRef> uploaded = new ArrayList<>();
    for (int i = 0; i < post.media().size(); i++) {
      MediaRef medium = post.media().get(i);
      Optional<JsonObject> file;
      try {
        file = inputFile(medium, uploaded);
      } catch (UncheckedIOException unwritten) {
        return CompletableFuture.completedFuture(
            new SendOutcome.TransientError(
                "The medium could not be written to the session's folder: "
                    + unwritten.getCause().getMessage()));
      }
      if (file.isEmpty()) {
        return CompletableFuture.completedFuture(
            new SendOutcome.PostRejected(
                "A medium of the post is no longer stored: choose the post's media again"));
      }
      contents.add(content(medium.kind(), file.get(), i == 0 ? caption(post) : Optional.empty()));
    }
    if (post.type() != PostType.ALBUM) {
      return TdlibMessages.sendContent(client, to, contents.get(0))
          .thenCompose(message -> delivered(List.of(message), post, uploaded));
    }
    JsonArrayBuilder items = Json.createArrayBuilder();
    contents.forEach(items::add);
    JsonObject request =
        to.request("sendMessageAlbum").add("input_message_contents", items).build();
    return TdlibMessages.requestMessages(client, request)
        .thenCompose(
            sent -> {
              if (sent.size() != post.media().size() || sent.contains(null)) {
                return CompletableFuture.completedFuture(
                    new SendOutcome.TransientError("TDLib did not accept the whole album"));
              }
              return delivered(sent, post, uploaded);
            });
  }

  /** Waits for every message's final state; delivered when all are (the first one's id). */
  private CompletableFuture<SendOutcome> delivered(
      List<JsonObject> pending, Post post, List<MediaRef> uploaded) {
    List<CompletableFuture<SendOutcome>> finals = new ArrayList<>();
    pending.forEach(message -> finals.add(TdlibMessages.awaitFinal(client, message)));
    return CompletableFuture.allOf(finals.toArray(CompletableFuture[]::new))
        .thenCompose(
            all -> {
              List<SendOutcome> outcomes = finals.stream().map(CompletableFuture::join).toList();
              Optional<SendOutcome> failed =
                  outcomes.stream().filter(o -> !(o instanceof SendOutcome.Delivered)).findFirst();
              if (failed.isPresent()) {
                return CompletableFuture.completedFuture(failed.get());
              }
              return rememberRemoteIds(pending, post, uploaded).thenApply(done -> outcomes.get(0));
            });
  }

  /** Asks TDLib for each uploaded file's remote id and keeps it; a failure here costs nothing. */
  private CompletableFuture<Void> rememberRemoteIds(
      List<JsonObject> pending, Post post, List<MediaRef> uploaded) {
    List<CompletableFuture<Void>> asks = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      MediaRef medium = post.media().get(i);
      long fileId = localFileId(pending.get(i), medium.kind());
      if (!uploaded.contains(medium) || fileId == 0) {
        continue;
      }
      asks.add(
          client
              .request(TdlibJson.object("getFile").add("file_id", fileId).build())
              .thenAcceptAsync(
                  file -> {
                    JsonObject remote = TdlibJson.child(file, "remote");
                    String id = remote == null ? "" : remote.getString("id", "");
                    if (!id.isEmpty()) {
                      store.rememberRemoteFileId(medium.id(), sender, id);
                    }
                  },
                  work)
              .exceptionally(failure -> null));
    }
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new));
  }

  private Optional<JsonObject> inputFile(MediaRef medium, List<MediaRef> uploaded) {
    Optional<String> remote = store.remoteFileId(medium.id(), sender);
    if (remote.isPresent()) {
      return Optional.of(TdlibJson.object("inputFileRemote").add("id", remote.get()).build());
    }
    Path file = client.databaseDirectory().resolve(FOLDER).resolve(Long.toString(medium.id()));
    if (!Files.exists(file)) {
      Optional<byte[]> bytes = store.content(medium.id());
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      try {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(medium.id() + ".part");
        Files.write(partial, bytes.get());
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // Another send of the same medium may have put it there first; otherwise this node's
        // disk failed, not the post: a failed send of this chat, not a refused post.
        if (!Files.exists(file)) {
          throw new UncheckedIOException(e);
        }
      }
    }
    uploaded.add(medium);
    return Optional.of(TdlibJson.object("inputFileLocal").add("path", file.toString()).build());
  }

  /** The post's caption with its entities (parsed when the post was made), if it has one. */
  private static Optional<JsonObject> caption(Post post) {
    return post.caption()
        .map(
            text ->
                TdlibJson.object("formattedText")
                    .add("text", text)
                    .add("entities", TdlibEntities.toTdlib(post.entities()))
                    .build());
  }

  /**
   * TDLib's input content for one medium. Since TDLib 1.8.66 the file sits one level down, in the
   * kind's own input object ({@code td_api.tl}: {@code inputMessagePhoto photo:inputPhoto}, {@code
   * inputPhoto photo:InputFile}; the same for video, document and animation): a file put straight
   * under {@code photo} reaches TDLib as an empty {@code inputPhoto}, and every media send fails.
   */
  static JsonObject content(MediaKind kind, JsonObject file, Optional<JsonObject> caption) {
    String field = kind.name().toLowerCase(Locale.ROOT);
    String name = Character.toUpperCase(field.charAt(0)) + field.substring(1);
    JsonObjectBuilder medium = TdlibJson.object("input" + name).add(field, file);
    if (kind == MediaKind.VIDEO) {
      medium.add("supports_streaming", true);
    }
    JsonObjectBuilder content = TdlibJson.object("inputMessage" + name).add(field, medium);
    caption.ifPresent(text -> content.add("caption", text));
    return content.build();
  }

  /**
   * The local id of the file a sent message carries: {@code messagePhoto}'s largest size, the
   * video's, document's or animation's own file; 0 when absent.
   */
  static long localFileId(JsonObject message, MediaKind kind) {
    JsonObject content = TdlibJson.child(message, "content");
    String field = kind.name().toLowerCase(Locale.ROOT);
    JsonObject media = content == null ? null : TdlibJson.child(content, field);
    if (media == null) {
      return 0;
    }
    JsonObject file;
    if (kind == MediaKind.PHOTO) {
      JsonArray sizes = media.getJsonArray("sizes");
      file =
          sizes == null || sizes.isEmpty()
              ? null
              : TdlibJson.child(sizes.getJsonObject(sizes.size() - 1), "photo");
    } else {
      file = TdlibJson.child(media, field);
    }
    return file == null ? 0 : TdlibJson.number(file, "id", 0);
  }
}

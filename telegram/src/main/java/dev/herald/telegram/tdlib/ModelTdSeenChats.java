package dev.herald.telegram.tdlib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chats one {@link ModelTdJson} client has seen, as TDLib's chat database ({@code db.sqlite})
 * holds them: a user account's TDLib answers "Chat not found" for a chat id it never saw, even one
 * the account is in. Kept in the client's folder under that name, so a client reopened from its own
 * folder still knows them, and one opened from the stored state on another node ({@link
 * TdlibStateSnapshot#restoreInto} carries the binlog only) knows none until it loads its chat list
 * or resolves them again.
 */
final class ModelTdSeenChats {

  static final String FILE = "db.sqlite";

  private final Set<Long> ids = ConcurrentHashMap.newKeySet();
  private final Path file;
  private volatile boolean listLoaded;

  private ModelTdSeenChats(Path file) {
    this.file = file;
  }

  /** The chats a client opening {@code folder} knows from its chat database there. */
  static ModelTdSeenChats in(Path folder) {
    ModelTdSeenChats seen = new ModelTdSeenChats(folder.resolve(FILE));
    try {
      if (Files.isRegularFile(seen.file)) {
        for (String line : Files.readAllLines(seen.file, StandardCharsets.US_ASCII)) {
          if (!line.isBlank()) {
            seen.ids.add(Long.parseLong(line.strip()));
          }
        }
      }
    } catch (IOException | NumberFormatException unreadable) {
      seen.ids.clear(); // a damaged cache is rebuilt, as TDLib does
    }
    return seen;
  }

  /** A client that has no folder yet (before its parameters). */
  static ModelTdSeenChats none() {
    return new ModelTdSeenChats(null);
  }

  boolean knows(long chatId) {
    return ids.contains(chatId);
  }

  void learn(long chatId) {
    if (ids.add(chatId) && file != null) {
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(
            file,
            chatId + "\n",
            StandardCharsets.US_ASCII,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Whether {@code loadChats} already loaded the whole list (TDLib then answers 404). */
  boolean listLoaded() {
    return listLoaded;
  }

  void listLoaded(boolean loaded) {
    listLoaded = loaded;
  }
}

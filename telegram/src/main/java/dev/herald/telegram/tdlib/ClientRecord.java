package dev.herald.telegram.tdlib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ModelTdJson} did, one line per event, appended to a file that outlives the node and
 * that every node and the test share: {@code <epoch ms> <event> <session> <pid> <client>}, events
 * {@code open} (the client got its parameters), {@code close} (TDLib reported it closed), {@code
 * login} (a login completed), {@code send}, and {@code join} with the username of the public chat
 * the session joined as a sixth field. A system test replays it to check that no two clients of one
 * session were ever open at once, counting a killed process's clients closed at its kill. Each line
 * is written under a file lock, so lines of concurrent processes never interleave.
 *
 * <p>The joins are also the one piece of the model's world that every node shares: each process has
 * a world of its own, but Telegram has one, so a session opened on another node is a member of the
 * chats it joined anywhere ({@link #joined}).
 */
final class ClientRecord {

  private final Optional<Path> file;
  private final long pid = ProcessHandle.current().pid();

  ClientRecord(Optional<Path> file) {
    this.file = file;
  }

  void open(long sessionId, int clientId) {
    write("open", sessionId, clientId);
  }

  void close(long sessionId, int clientId) {
    write("close", sessionId, clientId);
  }

  void login(long sessionId, int clientId) {
    write("login", sessionId, clientId);
  }

  void send(long sessionId, int clientId) {
    write("send", sessionId, clientId);
  }

  void join(long sessionId, int clientId, String username) {
    write("join", sessionId, clientId, " " + username);
  }

  /** The usernames of the public chats {@code sessionId} joined, on any node, in order. */
  synchronized List<String> joined(long sessionId) {
    if (file.isEmpty() || !Files.exists(file.get())) {
      return List.of();
    }
    try (FileChannel channel = FileChannel.open(file.get(), StandardOpenOption.READ)) {
      FileLock lock = channel.lock(0, Long.MAX_VALUE, true);
      try {
        return Files.readAllLines(file.get(), StandardCharsets.US_ASCII).stream()
            .map(line -> line.split(" "))
            .filter(f -> f.length == 6 && f[1].equals("join") && f[2].equals(sessionId + ""))
            .map(f -> f[5])
            .toList();
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the model's client record " + file.get(), e);
    }
  }

  private void write(String event, long sessionId, int clientId) {
    write(event, sessionId, clientId, "");
  }

  /** Synchronized: a file lock guards other processes, not this one's threads. */
  private synchronized void write(String event, long sessionId, int clientId, String detail) {
    if (file.isEmpty()) {
      return;
    }
    String line =
        System.currentTimeMillis()
            + " "
            + event
            + " "
            + sessionId
            + " "
            + pid
            + " "
            + clientId
            + detail
            + "\n";
    try {
      Files.createDirectories(file.get().toAbsolutePath().getParent());
      try (FileChannel channel =
          FileChannel.open(
              file.get(),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        FileLock lock = channel.lock();
        try {
          channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the model's client record " + file.get(), e);
    }
  }
}

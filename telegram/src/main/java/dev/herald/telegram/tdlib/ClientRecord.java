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
import java.util.Optional;

/**
 * What {@link ModelTdJson} did, one line per event, appended to a file that outlives the node and
 * that every node and the test share: {@code <epoch ms> <event> <session> <pid> <client>}, events
 * {@code open} (the client got its parameters), {@code close} (TDLib reported it closed), {@code
 * login} (a login completed) and {@code send}. A system test replays it to check that no two
 * clients of one session were ever open at once, counting a killed process's clients closed at its
 * kill. Each line is written under a file lock, so lines of concurrent processes never interleave.
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

  private void write(String event, long sessionId, int clientId) {
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

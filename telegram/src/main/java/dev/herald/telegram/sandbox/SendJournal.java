package dev.herald.telegram.sandbox;

import dev.herald.domain.telegram.DeliveryKey;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sandbox's durable send log: one line per send the transport received for a cycle's delivery,
 * appended to a file of this process's own, so the posts of every node (all writing into one
 * folder) survive a {@code kill -9} and can be counted per (account, cycle, chat) from outside: a
 * duplicate post is a second delivered send of one key (SPEC rule 17), never a row of a table whose
 * constraint forbids it. Each line is written with one unbuffered {@code write} before the engine
 * hears the answer, so a send the engine acted on is in the file (the page cache keeps it when the
 * process dies); a line costs one system call, cheap next to a send.
 *
 * <p>Line format (tab-separated, UTF-8, one per line; {@code dev.herald.launcher.SendLogFiles}
 * reads it): {@code epochMillis accountId cycleId chat sender outcome}, where {@code sender} is
 * {@code session:ID} or {@code user_bot:ID} and {@code outcome} the {@link SendOutcome#code()}.
 */
public final class SendJournal implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SendJournal.class.getName());

  /** Files in the folder are named {@code sends-<pid>-<start millis>.tsv}. */
  public static final String PREFIX = "sends-";

  private final Path file;
  private final OutputStream out;
  private boolean failed;

  private SendJournal(Path file) throws IOException {
    this.file = file;
    this.out = new FileOutputStream(file.toFile(), true);
  }

  /** A new file of this process in {@code folder} (created if missing). */
  public static SendJournal in(Path folder) {
    try {
      Files.createDirectories(folder);
      return new SendJournal(
          folder.resolve(
              PREFIX + ProcessHandle.current().pid() + "-" + System.currentTimeMillis() + ".tsv"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the sandbox send log in " + folder, e);
    }
  }

  public Path file() {
    return file;
  }

  /** Appends one send; a failing disk is logged once and never fails the send. */
  public void record(Instant at, DeliveryKey key, Sender sender, SendOutcome outcome) {
    String line =
        at.toEpochMilli()
            + "\t"
            + key.accountId()
            + "\t"
            + key.cycleId()
            + "\t"
            + key.chat()
            + "\t"
            + (sender.kind() == Sender.Kind.SESSION ? "session:" : "user_bot:")
            + sender.id()
            + "\t"
            + outcome.code()
            + "\n";
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    synchronized (this) {
      try {
        out.write(bytes);
      } catch (IOException e) {
        if (!failed) {
          failed = true;
          LOG.log(
              Level.WARNING,
              "The sandbox send log {0} cannot be written: {1}",
              new Object[] {file, e.getMessage()});
        }
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing the sandbox send log", e);
    }
  }
}

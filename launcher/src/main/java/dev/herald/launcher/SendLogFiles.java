package dev.herald.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads the sandbox's durable send logs ({@code dev.herald.telegram.sandbox.SendJournal}): the
 * files every node of one data folder appends to, one line per send the transport received for a
 * cycle's delivery. Tests and benchmarks count duplicates here, where a duplicate happens (SPEC
 * rule 17): a second delivered send of one (account, cycle, chat), whichever node or sender made
 * it. A line cut short by a {@code kill -9} (no newline yet) is not counted.
 */
public final class SendLogFiles {

  /** The outcome code of a post Telegram (the model) accepted. */
  public static final String DELIVERED = "DELIVERED";

  /** One send: when, which delivery, by whom ({@code session:ID}/{@code user_bot:ID}), outcome. */
  public record Send(
      long atMillis, long accountId, long cycleId, String chat, String sender, String outcome) {

    public boolean delivered() {
      return DELIVERED.equals(outcome);
    }

    record Key(long accountId, long cycleId, String chat) {}

    Key key() {
      return new Key(accountId, cycleId, chat);
    }
  }

  private final Path folder;

  private SendLogFiles(Path folder) {
    this.folder = folder;
  }

  /** The send logs of the nodes whose {@code HERALD_DATA_DIR} is {@code dataDir}. */
  public static SendLogFiles inDataDir(Path dataDir) {
    return new SendLogFiles(dataDir.resolve("sandbox-sends"));
  }

  public Path folder() {
    return folder;
  }

  /** Every complete line of every node's file, file by file. */
  public List<Send> sends() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Send> sends = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tsv")).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
          String[] fields = text.substring(start, end).split("\t", -1);
          start = end + 1;
          if (fields.length == 6) {
            sends.add(
                new Send(
                    Long.parseLong(fields[0]),
                    Long.parseLong(fields[1]),
                    Long.parseLong(fields[2]),
                    fields[3],
                    fields[4],
                    fields[5]));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the send logs in " + folder, e);
    }
    return sends;
  }

  /** Delivered sends beyond the first per (account, cycle, chat), summed over all keys. */
  public long duplicates() {
    return duplicates(send -> true);
  }

  /** {@link #duplicates()} among the sends {@code which} selects (e.g. one account's). */
  public long duplicates(Predicate<Send> which) {
    Map<Send.Key, Integer> delivered = new HashMap<>();
    long duplicates = 0;
    for (Send send : sends()) {
      if (send.delivered()
          && which.test(send)
          && delivered.merge(send.key(), 1, Integer::sum) > 1) {
        duplicates++;
      }
    }
    return duplicates;
  }

  /** Delivered sends among those {@code which} selects. */
  public long delivered(Predicate<Send> which) {
    return sends().stream().filter(send -> send.delivered() && which.test(send)).count();
  }

  /** Predicate: the sends of one account. */
  public static Predicate<Send> ofAccount(long accountId) {
    return send -> send.accountId() == accountId;
  }
}

package dev.herald.telegram.model;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything accounts tried to send, as Telegram saw it: the most recent {@code capacity} attempts
 * in full, plus counters that are never trimmed: attempts, deliveries, and deliveries per (sender,
 * chat, text), from which tests and benchmarks count duplicates. The per-text counters keep at most
 * {@code maxCountedKeys} keys (a digest each, not the text); deliveries beyond that are counted in
 * {@link #uncounted()} so a reader knows the per-text counts are incomplete.
 */
public final class SendLog {

  /**
   * One attempt: what (with its entities and buttons), by whom, where (the chat, and in a forum the
   * topic: the one named, or 1, the General topic; outside forums 0, or the message a user's post
   * named as its topic, which it replies to), when, and Telegram's answer ({@code ok} or the
   * error). A media message lists its {@code media} (an album all of them: one entry per media
   * group), with its caption as {@code text} (empty without one).
   */
  public record Entry(
      Instant at,
      Account sender,
      long chatId,
      String type,
      String text,
      MessageMarkup markup,
      String outcome,
      List<SentMedium> media,
      int topic) {

    public static final String OK = "ok";

    public Entry {
      media = media == null ? List.of() : List.copyOf(media);
    }

    /** An attempt outside any topic. */
    public Entry(
        Instant at,
        Account sender,
        long chatId,
        String type,
        String text,
        MessageMarkup markup,
        String outcome,
        List<SentMedium> media) {
      this(at, sender, chatId, type, text, markup, outcome, media, 0);
    }

    String content() {
      return SendLog.content(text, media);
    }

    public boolean delivered() {
      return OK.equals(outcome);
    }
  }

  /**
   * What duplicates and spam rules count by: the text, and for a media message its media too (a
   * text message is its text as it was, at no extra cost).
   */
  static String content(String text, List<SentMedium> media) {
    return media.isEmpty() ? text : text + " " + media;
  }

  /**
   * Who sent what where, in primitives only: the map holds a key per (sender, chat, text), up to a
   * million, and comparing keys that point to accounts costs a cache miss more per key compared.
   * The hash mixes all bits, as sequential account ids would fill a few buckets of the table.
   */
  private record Key(boolean bot, long sender, long chatId, long text) {

    Key(Account sender, long chatId, long text) {
      this(sender.isBot(), sender.id(), chatId, text);
    }

    @Override
    public int hashCode() {
      long h = (sender * 0x9E3779B97F4A7C15L + chatId) * 0xC2B2AE3D27D4EB4FL + text;
      h = (h ^ (h >>> 29)) * 0xBF58476D1CE4E5B9L + (bot ? 1 : 0);
      return (int) (h ^ (h >>> 32));
    }
  }

  private final int capacity;
  private final int maxCountedKeys;
  private final Deque<Entry> recent = new ArrayDeque<>();
  private final Map<Key, Long> deliveredByText = new HashMap<>();
  private final Map<String, Long> refusedByReason = new TreeMap<>();
  private long attempts;
  private long delivered;
  private long uncounted;

  public SendLog(int capacity, int maxCountedKeys) {
    if (capacity < 1 || maxCountedKeys < 1) {
      throw new IllegalArgumentException("The send log needs room for at least one entry");
    }
    this.capacity = capacity;
    this.maxCountedKeys = maxCountedKeys;
  }

  synchronized void record(Entry entry) {
    record(entry, entry.delivered() ? TextDigest.of(entry.content()) : 0);
  }

  /** As {@link #record(Entry)}, with the digest of a delivered entry's content already known. */
  synchronized void record(Entry entry, long contentDigest) {
    attempts++;
    if (recent.size() == capacity) {
      recent.removeFirst();
    }
    recent.addLast(entry);
    if (!entry.delivered()) {
      refusedByReason.merge(reason(entry.outcome()), 1L, Long::sum);
    } else {
      delivered++;
      Key key = new Key(entry.sender(), entry.chatId(), contentDigest);
      // One map operation per delivery: the map holds up to a million keys, each lookup a cache
      // miss.
      if (deliveredByText.size() < maxCountedKeys) {
        deliveredByText.merge(key, 1L, Long::sum);
      } else if (deliveredByText.computeIfPresent(key, (counted, n) -> n + 1) == null) {
        uncounted++;
      }
    }
  }

  /**
   * A refusal's reason without its numbers: {@code 420 FLOOD_WAIT_30} is {@code FLOOD_WAIT}, a
   * bot's {@code 429 Too Many Requests: retry after 3} is {@code Too Many Requests}.
   */
  static String reason(String outcome) {
    String text = outcome.replaceFirst("^\\d{3} ", "");
    int retry = text.indexOf(": retry after");
    text = retry < 0 ? text : text.substring(0, retry);
    return text.replaceFirst("_\\d+$", "");
  }

  /** Refused attempts by {@link #reason}, never trimmed. */
  public synchronized Map<String, Long> refusedByReason() {
    return Map.copyOf(refusedByReason);
  }

  /** The most recent attempts, oldest first. */
  public synchronized List<Entry> entries() {
    return List.copyOf(recent);
  }

  /** How many times this sender delivered exactly this text (or forwarded link) to this chat. */
  public synchronized long count(Account sender, long chatId, String text) {
    Objects.requireNonNull(text, "text");
    return deliveredByText.getOrDefault(new Key(sender, chatId, TextDigest.of(text)), 0L);
  }

  /** Deliveries of one text by one sender to one chat beyond the first, summed over all. */
  public synchronized long duplicates() {
    return deliveredByText.values().stream().mapToLong(n -> n - 1).sum();
  }

  public synchronized long attempts() {
    return attempts;
  }

  public synchronized long delivered() {
    return delivered;
  }

  /** Deliveries missing from the per-text counts because they were full. */
  public synchronized long uncounted() {
    return uncounted;
  }

  public synchronized void clear() {
    recent.clear();
    deliveredByText.clear();
    refusedByReason.clear();
    attempts = 0;
    delivered = 0;
    uncounted = 0;
  }
}

package dev.herald.domain.engine;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A cycle's activity entry, from the outcome codes of its posts and how often each came: the
 * message counts each outcome ("cycle 12: 3 delivered, 1 chat forbidden, 1 slow mode": delivered
 * first, then the most frequent, ties by code), the reason code is the most frequent failure's code
 * (ties by code; a post still {@code SENDING} is no failure), else {@code DELIVERED}, else {@code
 * NOTHING_POSTED}. The engine writes it when it saw every outcome of the cycle itself; otherwise
 * PostgreSQL counts the cycle's delivery records the same way ({@code LedgerSql.LOG_ACTIVITIES},
 * its SQL twin).
 */
public record CycleSummary(String reasonCode, String message) {

  private static final String DELIVERED = "DELIVERED";
  private static final String SENDING = "SENDING";

  /**
   * A name of a chat the cycle left out because another name of the chat took its post there (the
   * engine's {@code CycleTargets.postOncePerChat}): counted in the message ("1 same chat"), so the
   * tenant removes it from the config, but no failed post. It leaves no delivery record, so the SQL
   * twin's entries (a continued cycle's) do not count it.
   */
  public static final String SAME_CHAT = "SAME_CHAT";

  /** Delivered first, then the most frequent, then by code (code point order, as COLLATE "C"). */
  private static final Comparator<Map.Entry<String, Integer>> LISTED =
      Comparator.<Map.Entry<String, Integer>, Boolean>comparing(e -> !e.getKey().equals(DELIVERED))
          .thenComparing(Map.Entry::getValue, Comparator.reverseOrder())
          .thenComparing(Map.Entry::getKey);

  public CycleSummary {
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(message, "message");
  }

  /** The entry of cycle {@code cycleId} whose posts ended with these outcome codes and counts. */
  public static CycleSummary of(long cycleId, Map<String, Integer> outcomes) {
    String counted =
        outcomes.entrySet().stream()
            .sorted(LISTED)
            .map(e -> e.getValue() + " " + e.getKey().replace('_', ' ').toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    String reason =
        outcomes.entrySet().stream()
            .filter(e -> !e.getKey().equals(DELIVERED) && !e.getKey().equals(SENDING))
            .filter(e -> !e.getKey().equals(SAME_CHAT))
            .sorted(LISTED)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(outcomes.getOrDefault(DELIVERED, 0) > 0 ? DELIVERED : "NOTHING_POSTED");
    return new CycleSummary(
        reason, "cycle " + cycleId + ": " + (counted.isEmpty() ? "nothing posted" : counted));
  }
}

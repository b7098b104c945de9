package dev.herald.telegram.sandbox;

import dev.herald.domain.telegram.ChatReference;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the sandbox does instead of succeeding: every {@code floodWaitEvery}-th post of a sender
 * answers a flood wait, a post is "banned" with probability {@code banProbability}, and chats
 * matching {@code forbiddenChats} (exact canonical form, or a prefix ending in {@code *}) are
 * forbidden. Zero values switch a fault off.
 */
public record FaultPlan(
    Duration latency,
    int floodWaitEvery,
    Duration floodWait,
    double banProbability,
    List<String> forbiddenChats) {

  public FaultPlan {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(floodWait, "floodWait");
    if (latency.isNegative() || floodWaitEvery < 0 || floodWait.isNegative()) {
      throw new IllegalArgumentException(
          "Sandbox latency, flood-wait-every and seconds must be >= 0");
    }
    if (banProbability < 0 || banProbability > 1) {
      throw new IllegalArgumentException("Sandbox ban probability must be between 0 and 1");
    }
    if (forbiddenChats != null && forbiddenChats.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("Sandbox forbidden chats must not contain null");
    }
    forbiddenChats =
        forbiddenChats == null
            ? List.of()
            : forbiddenChats.stream().map(entry -> entry.toLowerCase(Locale.ROOT)).toList();
  }

  /** No faults, no latency: every post is delivered at once. */
  public static FaultPlan none() {
    return new FaultPlan(Duration.ZERO, 0, Duration.ofSeconds(30), 0, List.of());
  }

  public boolean forbids(ChatReference chat) {
    String canonical = chat.canonical().toLowerCase(Locale.ROOT);
    for (String entry : forbiddenChats) {
      boolean prefix = entry.endsWith("*");
      String pattern = prefix ? entry.substring(0, entry.length() - 1) : entry;
      if (prefix ? canonical.startsWith(pattern) : canonical.equals(pattern)) {
        return true;
      }
    }
    return false;
  }

  public FaultPlan withLatency(Duration value) {
    return new FaultPlan(value, floodWaitEvery, floodWait, banProbability, forbiddenChats);
  }

  public FaultPlan withFloodWait(int every, Duration wait) {
    return new FaultPlan(latency, every, wait, banProbability, forbiddenChats);
  }

  public FaultPlan withBanProbability(double value) {
    return new FaultPlan(latency, floodWaitEvery, floodWait, value, forbiddenChats);
  }

  public FaultPlan withForbiddenChats(List<String> value) {
    return new FaultPlan(latency, floodWaitEvery, floodWait, banProbability, value);
  }
}

package dev.herald.telegram.sandbox;

import dev.herald.domain.telegram.ChatReference;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the sandbox does instead of succeeding: every {@code floodWaitEvery}-th post of a sender
 * (counted while this fault is on) answers a flood wait, a post is "banned" with probability {@code
 * banProbability}, and chats matching {@code forbiddenChats} (exact canonical form, or a prefix
 * ending in {@code *}) are forbidden. Sessions in {@code unavailableSessions} answer as a TDLib
 * session not open on this node, those in {@code needsLoginSessions} as one waiting for its login
 * code (rule 14: the engine must park them, never ban them). Zero values and empty lists switch a
 * fault off.
 */
public record FaultPlan(
    Duration latency,
    int floodWaitEvery,
    Duration floodWait,
    double banProbability,
    List<String> forbiddenChats,
    List<Long> unavailableSessions,
    List<Long> needsLoginSessions) {

  /** Without session-state faults. */
  public FaultPlan(
      Duration latency,
      int floodWaitEvery,
      Duration floodWait,
      double banProbability,
      List<String> forbiddenChats) {
    this(latency, floodWaitEvery, floodWait, banProbability, forbiddenChats, List.of(), List.of());
  }

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
    unavailableSessions =
        unavailableSessions == null ? List.of() : List.copyOf(unavailableSessions);
    needsLoginSessions = needsLoginSessions == null ? List.of() : List.copyOf(needsLoginSessions);
  }

  /** No faults, no latency: every post is delivered at once. */
  public static FaultPlan none() {
    return new FaultPlan(Duration.ZERO, 0, Duration.ofSeconds(30), 0, List.of());
  }

  public boolean forbids(ChatReference chat) {
    if (forbiddenChats.isEmpty()) {
      return false; // the usual plan: no lower-casing of every send's chat for nothing
    }
    String canonical = chat.canonical().toLowerCase(Locale.ROOT);
    String whole = chat.chat().canonical().toLowerCase(Locale.ROOT); // a chat forbids its topics
    for (String entry : forbiddenChats) {
      boolean prefix = entry.endsWith("*");
      String pattern = prefix ? entry.substring(0, entry.length() - 1) : entry;
      if (prefix
          ? canonical.startsWith(pattern)
          : canonical.equals(pattern) || whole.equals(pattern)) {
        return true;
      }
    }
    return false;
  }

  public FaultPlan withLatency(Duration value) {
    return new FaultPlan(
        value,
        floodWaitEvery,
        floodWait,
        banProbability,
        forbiddenChats,
        unavailableSessions,
        needsLoginSessions);
  }

  public FaultPlan withFloodWait(int every, Duration wait) {
    return new FaultPlan(
        latency,
        every,
        wait,
        banProbability,
        forbiddenChats,
        unavailableSessions,
        needsLoginSessions);
  }

  public FaultPlan withBanProbability(double value) {
    return new FaultPlan(
        latency,
        floodWaitEvery,
        floodWait,
        value,
        forbiddenChats,
        unavailableSessions,
        needsLoginSessions);
  }

  public FaultPlan withForbiddenChats(List<String> value) {
    return new FaultPlan(
        latency,
        floodWaitEvery,
        floodWait,
        banProbability,
        value,
        unavailableSessions,
        needsLoginSessions);
  }

  /** Sessions that answer as not open on this node, and as waiting for their login. */
  public FaultPlan withSessionStates(List<Long> unavailable, List<Long> needsLogin) {
    return new FaultPlan(
        latency,
        floodWaitEvery,
        floodWait,
        banProbability,
        forbiddenChats,
        unavailable,
        needsLogin);
  }
}

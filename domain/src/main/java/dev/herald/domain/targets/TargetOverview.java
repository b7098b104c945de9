package dev.herald.domain.targets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One target group as the tenant sees it: the chat as configured, its title and slow mode when a
 * sender resolved it, when a post last reached it, and each sender's standing there.
 */
public record TargetOverview(
    int position,
    String chat,
    Optional<String> title,
    boolean resolved,
    int slowModeSeconds,
    Optional<Instant> lastDeliveredAt,
    List<SenderStanding> senders) {

  /** One sender's standing in the chat. */
  public record SenderStanding(
      String sender,
      String transport,
      TargetMembership membership,
      Optional<Instant> nextPostAt,
      Optional<TargetError> lastError) {}
}

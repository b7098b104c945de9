package dev.herald.domain.engine;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A cycle this node has leased: whose bot, which cycle (a node taking over continues the same cycle
 * id, so delivery records of the dead node still count), when it was planned, what to post where,
 * and the sessions usable for it.
 */
public record DueCycle(
    long accountId,
    long cycleId,
    Instant plannedAt,
    Post post,
    List<ChatReference> groups,
    List<Long> sessionIds,
    String userBotTokenSealed,
    int maxInFlight,
    Duration delayBetweenPosts,
    Duration delayBetweenCycles) {

  public DueCycle {
    groups = List.copyOf(groups);
    sessionIds = List.copyOf(sessionIds);
  }
}

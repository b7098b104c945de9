package dev.herald.domain.engine;

import dev.herald.domain.content.BotPosts;
import dev.herald.domain.telegram.ChatReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cycle this node has leased: whose bot, which cycle (a node taking over continues the same cycle
 * id, so delivery records of the dead node still count), when it was planned, what to post (the
 * bot's posts, one picked per cycle by {@link dev.herald.domain.content.CycleContent}) where, and
 * its senders: the usable sessions and, when it may post, the tenant's own bot (its token sealed).
 */
public record DueCycle(
    long accountId,
    long cycleId,
    Instant plannedAt,
    BotPosts content,
    List<ChatReference> groups,
    List<Long> sessionIds,
    Optional<String> userBotTokenSealed,
    int maxInFlight,
    Duration delayBetweenPosts,
    Duration delayBetweenCycles) {

  public DueCycle {
    groups = List.copyOf(groups);
    sessionIds = List.copyOf(sessionIds);
    Objects.requireNonNull(userBotTokenSealed, "userBotTokenSealed");
  }
}

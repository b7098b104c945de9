package dev.herald.domain.engine;

import dev.herald.domain.content.BotPosts;
import dev.herald.domain.schedule.DailyCap;
import dev.herald.domain.schedule.Schedule;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A cycle this node has leased: whose bot, which cycle (a node taking over continues the same cycle
 * id, so delivery records of the dead node still count), when it was planned, what to post (the
 * bot's posts, one picked per cycle by {@link dev.herald.domain.content.CycleContent}) where, and
 * its senders: the usable sessions and, when it may post, the tenant's own bot (its token sealed).
 * The groups and delays are already those the account's plan allows now (a downgrade applies at the
 * next claim), and a group still inside its minimum interval is left out.
 *
 * @param lease the number of the claim that leased it: its posts begin and it completes under that
 *     claim only, not under a later one after the lease ran out (a database outage longer than the
 *     lease), which may be this node's too
 * @param schedule jitter, zone and active hours ({@link Schedule#NONE} without them)
 * @param dailyCap the plan's daily cap and the account's count so far
 * @param sessionPostsLeft for each warming session, the posts its warm-up lets it start in this
 *     hour; a session not in the map has no limit
 * @param continued the cycle has delivery records already: it ran before (on a node that died or
 *     left, before a restart stopped its bot, or handed back), so what it did is counted from its
 *     records
 * @param attempted the chats (their canonical references) those records name, but for those whose
 *     sender sent nothing, which may be tried once more ({@code
 *     SendOutcome.retryableByAnotherSender}): a continuation deals only the others, so it neither
 *     spends the daily cap's share nor prepares (joins) a chat for a post it may not send (rule
 *     10); it may be empty in a continuation
 * @param unavailableSenders of those records, the ones whose session was unavailable on the node
 *     that ran it ({@code SENDER_UNAVAILABLE}: not open on this node, its client not started), each
 *     by that session and its chat: parked for 30 seconds only, the session may be among the
 *     continuation's senders again and fail the same way, spending the chat's one retry ({@link
 *     #wasUnavailableFor})
 * @param sinceLastPost in a continuation, how long before the claim the latest post of its earlier
 *     runs started (records whose sender sent nothing left out), by the database's clock, which
 *     wrote that start: its first posts wait until the delay between posts has passed since then
 *     ({@link #firstPostsWait}); empty for a first run, or when every sender so far sent nothing
 */
public record DueCycle(
    long accountId,
    long cycleId,
    long lease,
    Instant plannedAt,
    BotPosts content,
    List<ChatReference> groups,
    List<Long> sessionIds,
    Optional<String> userBotTokenSealed,
    int maxInFlight,
    Duration delayBetweenPosts,
    Duration delayBetweenCycles,
    Schedule schedule,
    DailyCap dailyCap,
    Map<Long, Integer> sessionPostsLeft,
    boolean continued,
    Set<String> attempted,
    Set<TargetKey> unavailableSenders,
    Optional<Duration> sinceLastPost) {

  public DueCycle {
    attempted = Set.copyOf(attempted);
    unavailableSenders = Set.copyOf(unavailableSenders);
    groups = List.copyOf(groups);
    sessionIds = List.copyOf(sessionIds);
    Objects.requireNonNull(userBotTokenSealed, "userBotTokenSealed");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(dailyCap, "dailyCap");
    sessionPostsLeft = Map.copyOf(sessionPostsLeft);
    Objects.requireNonNull(sinceLastPost, "sinceLastPost");
  }

  /**
   * A cycle whose records name no chat (a first run, or one that attempted nothing), of a store
   * that does not number its leases.
   */
  public DueCycle(
      long accountId,
      long cycleId,
      Instant plannedAt,
      BotPosts content,
      List<ChatReference> groups,
      List<Long> sessionIds,
      Optional<String> userBotTokenSealed,
      int maxInFlight,
      Duration delayBetweenPosts,
      Duration delayBetweenCycles,
      Schedule schedule,
      DailyCap dailyCap,
      Map<Long, Integer> sessionPostsLeft,
      boolean continued) {
    this(
        accountId,
        cycleId,
        0,
        plannedAt,
        content,
        groups,
        sessionIds,
        userBotTokenSealed,
        maxInFlight,
        delayBetweenPosts,
        delayBetweenCycles,
        schedule,
        dailyCap,
        sessionPostsLeft,
        continued,
        Set.of(),
        Set.of(),
        Optional.empty());
  }

  /**
   * Whether {@code sender} was unavailable for {@code chat} in an earlier run of this cycle, which
   * is to be tried again.
   */
  public boolean wasUnavailableFor(Sender sender, ChatReference chat) {
    return !unavailableSenders.isEmpty()
        && unavailableSenders.contains(TargetKey.of(accountId, sender, chat.canonical()));
  }

  /**
   * How long this run's first posts wait after the claim, so that {@code delay} (the delay between
   * posts, as the run jitters it) passes since the latest post of the cycle's earlier runs: a run
   * that continues the cycle after another run of it (a node that crashed, a lease that ran out in
   * a database outage) keeps the tenant's pace from that run's last post, as the run itself would
   * have. Without it the continuation posted as soon as it was claimed, seconds after that post.
   * Never longer than {@code delay}.
   */
  public Duration firstPostsWait(Duration delay) {
    if (sinceLastPost.isEmpty() || sinceLastPost.get().compareTo(delay) >= 0) {
      return Duration.ZERO;
    }
    return sinceLastPost.get().isNegative() ? delay : delay.minus(sinceLastPost.get());
  }

  /** The posts the session may start in this cycle's hour ({@link Integer#MAX_VALUE}: no limit). */
  public int postsLeft(long sessionId) {
    return sessionPostsLeft.getOrDefault(sessionId, Integer.MAX_VALUE);
  }
}

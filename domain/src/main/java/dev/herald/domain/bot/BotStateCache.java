package dev.herald.domain.bot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The node's copy of each polled account's state rows ({@link BotStateReads}), so that a dashboard
 * polling {@code GET /bot/state} costs no database statement while nothing it shows has changed
 * (issue 17: the statement was most of a poll's cost).
 *
 * <p>An entry is correct only as long as every change to its rows is announced to this node: the
 * database announces every such change on {@code herald_events} (V35, V55, V92) while some node
 * listens, and the node's listener ({@code BotEventDispatcher}) forgets the accounts it hears of
 * ({@link #forget}). So the cache is used only while the listener says it hears ({@link
 * #listening}); otherwise every read goes to the database, as without a cache. The node's own
 * writes are forgotten when the request that made them ends, before its answer is sent, so a tenant
 * reads their own change at once; another node's change shows once its announcement has arrived
 * (well under a millisecond on a quiet network, like the live stream's events).
 *
 * <p>Entries also expire after a lifetime, a safety net for a change nobody announced (a statement
 * that began before this node started listening, or a column a later migration forgot to announce).
 */
@ApplicationScoped
public class BotStateCache {

  /**
   * After the node starts listening: a statement that began before its announcement committed saw
   * no listener and announces nothing, so the cache waits for such statements to end first.
   */
  static final Duration GRACE = Duration.ofSeconds(2);

  /** Entries are small and each is rebuilt from one statement; a full cache starts afresh. */
  static final int MAX_ENTRIES = 10_000;

  /**
   * An account's rows with the generation they were read under; {@code rows} is null for a marker
   * that only carries the generation of a read in flight.
   */
  private record Entry(long generation, BotStateRows rows, Instant expiresAt) {}

  @Inject Clock clock;

  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong generations = new AtomicLong();
  private volatile Duration lifetime = Duration.ZERO;
  private volatile Instant trustedFrom = Instant.MAX;
  private volatile Instant trustedUntil = Instant.MIN;

  public BotStateCache() {}

  BotStateCache(Clock clock) {
    this.clock = clock;
  }

  /**
   * The account's rows: the cached ones while the cache is trusted and they are neither forgotten
   * nor expired, else those {@code database} reads, kept unless the account was forgotten while
   * they were being read (they may predate that change). An absent account is never kept.
   */
  public Optional<BotStateRows> read(long accountId, Supplier<Optional<BotStateRows>> database) {
    Instant now = clock.instant();
    if (now.isBefore(trustedFrom) || !now.isBefore(trustedUntil)) {
      return database.get();
    }
    Entry cached = entries.get(accountId);
    if (cached != null && cached.rows() != null && now.isBefore(cached.expiresAt())) {
      return Optional.of(cached.rows());
    }
    if (cached == null && entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    long generation =
        entries
            .computeIfAbsent(
                accountId, id -> new Entry(generations.incrementAndGet(), null, Instant.MIN))
            .generation();
    Optional<BotStateRows> rows = database.get();
    rows.ifPresent(
        read ->
            entries.computeIfPresent(
                accountId,
                (id, current) ->
                    current.generation() == generation
                        ? new Entry(generation, read, now.plus(lifetime))
                        : current));
    return rows;
  }

  /** The account's rows changed: the next read goes to the database. */
  public void forget(long accountId) {
    entries.computeIfPresent(
        accountId, (id, current) -> new Entry(generations.incrementAndGet(), null, Instant.MIN));
  }

  /** Any account's rows may have changed. */
  public void forgetAll() {
    entries.clear();
  }

  /**
   * The listener hears every announcement until {@code until} (its announcement as a listener lasts
   * that long); called again before then to go on. After a gap, whatever was cached may have missed
   * announcements and is dropped, and the cache is trusted again after {@link #GRACE}.
   *
   * @param lifetime how long an entry is kept at most; zero turns the cache off
   */
  public synchronized void listening(Instant until, Duration lifetime) {
    Instant now = clock.instant();
    if (!now.isBefore(trustedUntil)) {
      entries.clear();
      trustedFrom = now.plus(GRACE);
    }
    this.lifetime = lifetime;
    trustedUntil = lifetime.isZero() || lifetime.isNegative() ? Instant.MIN : until;
  }

  /** The listener lost its connection or its announcement: nothing cached can be trusted. */
  public synchronized void deaf() {
    trustedUntil = Instant.MIN;
    entries.clear();
  }
}

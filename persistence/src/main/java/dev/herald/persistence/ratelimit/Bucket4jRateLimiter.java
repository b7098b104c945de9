package dev.herald.persistence.ratelimit;

import dev.herald.domain.ratelimit.RateLimit;
import dev.herald.domain.ratelimit.RateLimitDecision;
import dev.herald.domain.ratelimit.RateLimiter;
import dev.herald.persistence.DirectPoolStore;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bucket4j's PostgreSQL backend (select-for-update) on the non-transactional pool: each request
 * locks its bucket row, updates the state and commits on its own connection, so limits hold across
 * nodes and restarts and never join (or roll back with) the caller's JTA transaction. Buckets that
 * are full again expire; every few thousand calls the expired rows are deleted.
 *
 * <p>Requests of one client that arrive while its bucket is being updated wait and are then taken
 * in one round trip (Bucket4j's batching optimization): exact, nothing counted only in memory, and
 * one row lock per batch instead of one per request, which is what made a busy client's row the
 * API's bottleneck. Batching happens per proxy object, so the proxies are kept per bucket key.
 */
@ApplicationScoped
public class Bucket4jRateLimiter extends DirectPoolStore implements RateLimiter {

  private static final Logger LOG = Logger.getLogger(Bucket4jRateLimiter.class.getName());
  private static final long CLEANUP_EVERY = 2_000;

  /**
   * Proxies hold no bucket state (that is in PostgreSQL), so dropping them all now and then is
   * harmless.
   */
  private static final int MAX_PROXIES = 10_000;

  private PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
  private final AtomicLong calls = new AtomicLong();
  private final Map<String, Bucket> proxies = new ConcurrentHashMap<>();

  @PostConstruct
  void build() {
    buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_bucket")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofSeconds(10)))
            .build();
  }

  @Override
  public RateLimitDecision tryAcquire(RateLimit limit, String client) {
    cleanUpNowAndThen();
    ConsumptionProbe probe = bucket(limit, client).tryConsumeAndReturnRemaining(1);
    long reset = seconds(probe.getNanosToWaitForReset());
    long retry = probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill()));
    return new RateLimitDecision(
        probe.isConsumed(), limit.capacity(), probe.getRemainingTokens(), reset, retry);
  }

  @Override
  public void reset(RateLimit limit, String client) {
    buckets.removeProxy(limit.keyFor(client));
  }

  private Bucket bucket(RateLimit limit, String client) {
    String key = limit.keyFor(client);
    Bucket bucket = proxies.get(key);
    if (bucket == null) {
      if (proxies.size() >= MAX_PROXIES) {
        proxies.clear();
      }
      bucket =
          proxies.computeIfAbsent(
              key,
              k ->
                  buckets
                      .builder()
                      .withOptimization(Optimizations.batching())
                      .build(k, () -> configuration(limit)));
    }
    return bucket;
  }

  private static BucketConfiguration configuration(RateLimit limit) {
    return BucketConfiguration.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(limit.capacity())
                .refillIntervally(limit.capacity(), limit.period())
                .build())
        .build();
  }

  private static long seconds(long nanos) {
    return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
  }

  private void cleanUpNowAndThen() {
    if (calls.incrementAndGet() % CLEANUP_EVERY != 0) {
      return;
    }
    try {
      int removed = buckets.removeExpired(1_000);
      LOG.fine(() -> "Removed " + removed + " expired rate-limit buckets");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not remove expired rate-limit buckets: {0}", e.toString());
    }
  }
}

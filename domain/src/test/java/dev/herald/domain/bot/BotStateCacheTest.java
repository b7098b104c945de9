package dev.herald.domain.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.plan.Plan;
import dev.herald.domain.shared.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the node's state cache answers from memory, and every way it must go to the database. */
class BotStateCacheTest {

  private static final Duration LIFETIME = Duration.ofSeconds(60);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
  private final BotStateCache cache = new BotStateCache(clock);

  /** The database: counts its reads and answers the rows of the moment. */
  private final AtomicInteger reads = new AtomicInteger();

  private BotStateRows current = rows();

  private final Supplier<Optional<BotStateRows>> database =
      () -> {
        reads.incrementAndGet();
        return Optional.of(current);
      };

  private static BotStateRows rows() {
    return new BotStateRows(Plan.none().limits(), Optional.empty(), Optional.empty(), List.of());
  }

  private Optional<BotStateRows> read() {
    return cache.read(1, database);
  }

  /** The listener has heard for longer than the grace, and will for the next minute. */
  @BeforeEach
  void listening() {
    cache.listening(clock.instant().plus(Duration.ofMinutes(10)), LIFETIME);
    clock.advance(BotStateCache.GRACE);
  }

  @Test
  void aTrustedCacheAnswersRepeatedPollsFromMemory() {
    BotStateRows first = read().orElseThrow();
    for (int i = 0; i < 5; i++) {
      assertSame(first, read().orElseThrow());
    }
    assertEquals(1, reads.get(), "one database read for six polls");
    assertEquals(2, cache.read(2, database).map(r -> reads.get()).orElseThrow(), "per account");
  }

  @Test
  void aForgottenAccountIsReadAgainAndOthersStay() {
    read();
    cache.read(2, database);
    current = rows();
    cache.forget(1);
    assertSame(current, read().orElseThrow(), "the change shows after the announcement");
    cache.read(2, database);
    assertEquals(3, reads.get(), "account 2 still from memory");
    cache.forgetAll();
    read();
    cache.read(2, database);
    assertEquals(5, reads.get());
  }

  @Test
  void aReadOverlappingAnAnnouncementIsNotKept() {
    BotStateRows before = current;
    Optional<BotStateRows> overlapping =
        cache.read(
            1,
            () -> {
              // The change commits and is announced while the statement still reads the old rows.
              current = rows();
              cache.forget(1);
              return Optional.of(before);
            });
    assertSame(before, overlapping.orElseThrow(), "this poll answers what it read");
    assertSame(current, read().orElseThrow(), "the next one reads again instead of the old rows");
  }

  @Test
  void aReadOverlappingForgetAllIsNotKept() {
    BotStateRows before = current;
    cache.read(
        1,
        () -> {
          current = rows();
          cache.forgetAll();
          cache.read(2, database); // another account's read fills the emptied cache meanwhile
          return Optional.of(before);
        });
    assertSame(current, read().orElseThrow());
  }

  @Test
  void aReadOverlappingDeafnessIsNotKept() {
    BotStateRows before = current;
    cache.read(
        1,
        () -> {
          cache.deaf();
          listening();
          return Optional.of(before);
        });
    current = rows();
    assertSame(current, read().orElseThrow());
  }

  @Test
  void anAbsentAccountIsNotKept() {
    Supplier<Optional<BotStateRows>> none =
        () -> {
          reads.incrementAndGet();
          return Optional.empty();
        };
    cache.read(1, none);
    cache.read(1, none);
    assertEquals(2, reads.get());
  }

  @Test
  void anEntryExpiresAfterItsLifetimeEvenUnannounced() {
    read();
    clock.advance(LIFETIME.minusSeconds(1));
    read();
    assertEquals(1, reads.get());
    clock.advance(Duration.ofSeconds(1));
    read();
    assertEquals(2, reads.get(), "the safety net for a change nobody announced");
  }

  @Test
  void withoutAListenerEveryPollReadsTheDatabase() {
    BotStateCache fresh = new BotStateCache(clock);
    fresh.read(1, database);
    fresh.read(1, database);
    assertEquals(2, reads.get(), "never trusted before the listener says it hears");
  }

  @Test
  void aDeafListenerSendsEveryPollToTheDatabaseUntilItHearsAgainAfterTheGrace() {
    read();
    cache.deaf();
    read();
    read();
    assertEquals(3, reads.get(), "announcements may be missed while deaf");
    cache.listening(clock.instant().plus(Duration.ofMinutes(10)), LIFETIME);
    read();
    clock.advance(BotStateCache.GRACE.minusMillis(1));
    read();
    assertEquals(5, reads.get(), "a statement begun before the announcement may announce nothing");
    clock.advance(Duration.ofMillis(1));
    read();
    read();
    assertEquals(6, reads.get());
  }

  @Test
  void aLapsedAnnouncementDropsTheCacheAndStartsAGrace() {
    Duration hour = Duration.ofHours(1); // entries outlive the gap: only the drop removes them
    cache.listening(clock.instant().plus(Duration.ofMinutes(10)), hour);
    read();
    clock.advance(Duration.ofMinutes(10)); // the announcement was not renewed: it lapsed
    read();
    assertEquals(2, reads.get(), "not trusted once the announcement may have lapsed");
    cache.listening(clock.instant().plus(Duration.ofMinutes(10)), hour);
    read();
    clock.advance(BotStateCache.GRACE);
    read();
    read();
    assertEquals(4, reads.get(), "entries from before the gap are gone, a new one is kept");
  }

  @Test
  void aRenewalBeforeTheLapseKeepsTheEntries() {
    Duration hour = Duration.ofHours(1);
    cache.listening(clock.instant().plus(Duration.ofMinutes(10)), hour);
    read();
    clock.advance(Duration.ofMinutes(5));
    cache.listening(clock.instant().plus(Duration.ofMinutes(10)), hour);
    read();
    assertEquals(1, reads.get());
  }

  @Test
  void aZeroLifetimeTurnsTheCacheOff() {
    cache.listening(clock.instant().plus(Duration.ofMinutes(10)), Duration.ZERO);
    clock.advance(BotStateCache.GRACE);
    read();
    read();
    assertEquals(2, reads.get());
  }

  @Test
  void aFullCacheStartsAfresh() {
    for (long account = 0; account < BotStateCache.MAX_ENTRIES; account++) {
      cache.read(account, database);
    }
    cache.read(BotStateCache.MAX_ENTRIES, database);
    int before = reads.get();
    cache.read(BotStateCache.MAX_ENTRIES, database);
    cache.read(0, database);
    assertEquals(before + 1, reads.get(), "the newest entry is kept, the old ones went");
    assertTrue(before > BotStateCache.MAX_ENTRIES);
  }
}

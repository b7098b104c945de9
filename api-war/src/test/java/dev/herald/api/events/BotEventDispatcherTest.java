package dev.herald.api.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.api.config.ApiSettings;
import dev.herald.domain.bot.BotStateCache;
import dev.herald.domain.events.BotEventFeed;
import dev.herald.domain.events.Wake;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The dispatcher's own thread with the database away, as a node with the state cache on has it. */
class BotEventDispatcherTest {

  private static final Duration KEEP_ALIVE = Duration.ofMillis(200);

  /** The feed with PostgreSQL stopped: no connection, every announcement refused. */
  private static final class DatabaseAway implements BotEventFeed {
    final AtomicInteger announcements = new AtomicInteger();

    @Override
    public Wake await(Duration timeout) {
      // As PgBotEventFeed: a failed reconnect pauses for the timeout, at most a second.
      try {
        Thread.sleep(Math.min(1000, Math.max(1, timeout.toMillis())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Wake.NONE;
    }

    @Override
    public boolean connected() {
      return false;
    }

    @Override
    public void listening(boolean listening, Duration validFor) {
      announcements.incrementAndGet();
      throw new IllegalStateException("announce event listener: Connection refused");
    }

    @Override
    public void close() {}
  }

  @Test
  void aFailingAnnouncementIsRetriedAtTheKeepAlivesPaceNotInATightLoop() throws Exception {
    DatabaseAway feed = new DatabaseAway();
    BotEventDispatcher dispatcher = dispatcher(feed, KEEP_ALIVE);
    dispatcher.onStart(new Object());
    Thread.sleep(2000);
    dispatcher.stop();

    // One attempt at the start and one per keep-alive round: about 11 in 2 s.
    int attempts = feed.announcements.get();
    assertTrue(attempts >= 5, "it keeps trying: " + attempts);
    assertTrue(attempts <= 20, attempts + " attempts to announce in 2 s");
  }

  /** A database that refuses everything until {@link #back}, then answers as PostgreSQL does. */
  private static final class DatabaseBack implements BotEventFeed {
    final AtomicInteger refused = new AtomicInteger();
    volatile boolean back;
    volatile boolean reconnected;
    volatile long announcedAt;

    /** Set at the first wait after the feed answered its reconnection: announced by then? */
    volatile Boolean announcedBeforeTheNextWait;

    private boolean answeredReconnect;

    @Override
    public Wake await(Duration timeout) {
      if (answeredReconnect && announcedBeforeTheNextWait == null) {
        announcedBeforeTheNextWait = announcedAt != 0;
      }
      long until = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < until) {
        if (reconnected && !answeredReconnect) {
          answeredReconnect = true;
          return Wake.everything(); // as PgBotEventFeed answers a new connection
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Wake.NONE;
        }
      }
      return Wake.NONE;
    }

    @Override
    public boolean connected() {
      return reconnected;
    }

    @Override
    public void listening(boolean listening, Duration validFor) {
      if (!back) {
        refused.incrementAndGet();
        throw new IllegalStateException("announce event listener: Connection refused");
      }
      if (listening && announcedAt == 0) {
        announcedAt = System.nanoTime();
      }
    }

    @Override
    public void close() {}
  }

  @Test
  void aFailedAnnouncementIsRetriedWithinASecondNotAWholeKeepAliveLater() throws Exception {
    DatabaseBack feed = new DatabaseBack();
    BotEventDispatcher dispatcher = dispatcher(feed, Duration.ofSeconds(25));
    long start = System.nanoTime();
    dispatcher.onStart(new Object());
    await(() -> feed.refused.get() >= 1);
    feed.back = true; // the database is back; the feed has not noticed yet

    await(() -> feed.announcedAt != 0);
    dispatcher.stop();

    long seconds = Duration.ofNanos(feed.announcedAt - start).toSeconds();
    assertTrue(
        seconds < 10,
        "announced again " + seconds + " s after the start (a keep-alive round: 25 s)");
  }

  @Test
  void aFeedBackAfterAnOutageIsAnnouncedAgainBeforeTheStreamsAreRead() throws Exception {
    DatabaseBack feed = new DatabaseBack();
    BotEventDispatcher dispatcher = dispatcher(feed, Duration.ofSeconds(25));
    dispatcher.onStart(new Object());
    await(() -> feed.refused.get() >= 2); // a keep-alive round failed: the next is a second away
    feed.back = true;
    feed.reconnected = true;

    await(() -> feed.announcedBeforeTheNextWait != null);
    dispatcher.stop();

    assertTrue(
        feed.announcedBeforeTheNextWait,
        "the reconnection's wake is handled after announcing, not a keep-alive round later");
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < until, "timed out");
      Thread.sleep(5);
    }
  }

  private static BotEventDispatcher dispatcher(BotEventFeed feed, Duration keepAlive) {
    BotEventDispatcher dispatcher = new BotEventDispatcher();
    dispatcher.feed = feed;
    dispatcher.cache = new BotStateCache();
    dispatcher.settings =
        new ApiSettings() {
          @Override
          public Duration eventKeepAlive() {
            return keepAlive;
          }

          @Override
          public Duration stateCacheLifetime() {
            return Duration.ofSeconds(60);
          }

          @Override
          public int eventStateReaders() {
            return 1;
          }
        };
    dispatcher.threads =
        new ManagedThreadFactory() {
          @Override
          public Thread newThread(Runnable task) {
            return new Thread(task);
          }

          @Override
          public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            throw new UnsupportedOperationException();
          }
        };
    return dispatcher;
  }
}

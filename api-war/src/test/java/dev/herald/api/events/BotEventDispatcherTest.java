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
    BotEventDispatcher dispatcher = new BotEventDispatcher();
    dispatcher.feed = feed;
    dispatcher.cache = new BotStateCache();
    dispatcher.settings =
        new ApiSettings() {
          @Override
          public Duration eventKeepAlive() {
            return KEEP_ALIVE;
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

    dispatcher.onStart(new Object());
    Thread.sleep(2000);
    dispatcher.stop();

    // One attempt at the start and one per keep-alive round: about 11 in 2 s.
    int attempts = feed.announcements.get();
    assertTrue(attempts >= 5, "it keeps trying: " + attempts);
    assertTrue(attempts <= 20, attempts + " attempts to announce in 2 s");
  }
}

package dev.herald.api.events;

import dev.herald.api.bot.BotStateView;
import dev.herald.api.config.ApiSettings;
import dev.herald.domain.bot.BotService;
import dev.herald.domain.bot.BotStateCache;
import dev.herald.domain.events.BotEventFeed;
import dev.herald.domain.events.BotEventStore;
import dev.herald.domain.events.EventCursor;
import dev.herald.domain.events.StoredEvents;
import dev.herald.domain.events.Wake;
import dev.herald.domain.shared.RepeatedFailureLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The node's one event dispatcher: one thread waits on the {@link BotEventFeed} (every node's
 * changes, announced by the database), reads the new rows of the woken accounts that have streams
 * here in one query, and fans them out to those streams; no thread and no query per stream. The
 * same thread sends the keep-alive comments and keeps this node announced as a listener (without
 * one anywhere, the database announces nothing).
 *
 * <p>It is also what keeps the node's {@link BotStateCache} true: it forgets each account whose
 * state is announced, and tells the cache whether it hears everything (connected and announced).
 * With the cache on (the default) the node listens from start to stop; with it off, only while it
 * has streams.
 */
@ApplicationScoped
public class BotEventDispatcher {

  private static final Logger LOG = Logger.getLogger(BotEventDispatcher.class.getName());

  /** With the database away each round fails, and each open stream's state read: logged once. */
  private static final RepeatedFailureLog DISPATCH_FAILURES =
      new RepeatedFailureLog(LOG, "Dispatching bot events");

  /** With the database away each renewal of the listener announcement fails: logged once. */
  private static final RepeatedFailureLog ANNOUNCE_FAILURES =
      new RepeatedFailureLog(LOG, "Announcing this node as an event listener");

  private static final RepeatedFailureLog STATE_FAILURES =
      new RepeatedFailureLog(LOG, "Reading a bot's state for its streams");

  /** How soon rows held back behind an open transaction are read again. */
  private static final Duration HELD_BACK_RETRY = Duration.ofMillis(50);

  /**
   * The listener announcement outlives two keep-alive rounds, so one missed refresh is harmless.
   */
  private static final int ANNOUNCEMENT_ROUNDS = 3;

  /**
   * How soon a failed renewal of the announcement (the database away) is tried again, at most: soon
   * enough that the node is announced again shortly after the database is back, slow enough not to
   * spin.
   */
  private static final Duration FAILED_ROUND_RETRY = Duration.ofSeconds(1);

  @Inject BotEventFeed feed;
  @Inject BotEventStore store;
  @Inject BotService bots;
  @Inject ApiSettings settings;
  @Inject BotStateCache cache;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private final Map<Long, Set<EventStream>> streams = new ConcurrentHashMap<>();
  private final Set<Long> heldBack = ConcurrentHashMap.newKeySet();

  /**
   * Every stream is to be read again: the feed reconnected (it answers that once), or this node was
   * announced again after its announcement lapsed.
   */
  private final AtomicBoolean rereadAll = new AtomicBoolean();

  private volatile BotEventMessages messages;
  private volatile StateFanOut states;
  private volatile boolean running;
  private final Object announcement = new Object();
  private boolean announced;

  /** Until when this node's announcement as a listener surely holds; null while not announced. */
  private volatile Instant announcedUntil;

  private Thread thread;

  /**
   * Opens a stream: the events after {@code from} (the newest {@code replay-limit} of them), then
   * the current state, then live events. Without {@code from} the stream starts at the newest
   * event. The stream is registered before the replay is read, so a change committed after that
   * read reaches it through the dispatcher.
   */
  public void open(long accountId, EventCursor from, SseEventSink sink, Sse sse) {
    start(sse);
    EventCursor cursor =
        from != null
            ? from
            : store.latest(Set.of(accountId)).getOrDefault(accountId, EventCursor.START);
    EventStream stream = new EventStream(accountId, sink, messages, cursor);
    synchronized (stream) {
      streams.compute(
          accountId,
          (id, open) -> {
            Set<EventStream> set = open == null ? ConcurrentHashMap.newKeySet() : open;
            set.add(stream);
            return set;
          });
      try {
        announce();
        StoredEvents missed = store.after(Map.of(accountId, cursor), settings.eventReplayLimit());
        stream.send(missed.activities(), missed.deliveries());
        stream.sendState(BotStateView.of(bots.state(accountId)));
      } catch (RuntimeException e) {
        drop(stream); // the request fails (a problem answer); nothing stays registered
        throw e;
      }
    }
    // A statement that began before the announcement committed may have announced nothing: one
    // more read shortly after covers it.
    heldBack.add(accountId);
  }

  private void drop(EventStream stream) {
    streams.computeIfPresent(
        stream.accountId,
        (id, set) -> {
          set.remove(stream);
          return set.isEmpty() ? null : set;
        });
  }

  /** With the state cache on, the node listens from the start: the cache relies on it. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (cacheOn()) {
      start(null);
    }
  }

  private boolean cacheOn() {
    return !settings.stateCacheLifetime().isZero();
  }

  private synchronized void start(Sse sse) {
    if (messages == null && sse != null) {
      messages = new BotEventMessages(sse);
    }
    if (running) {
      return;
    }
    states = new StateFanOut(settings.eventStateReaders(), executor, this::sendState);
    running = true;
    thread = threads.newThread(this::run);
    thread.setName("herald-bot-events");
    thread.start();
  }

  private void announce() {
    synchronized (announcement) {
      if (!announced) {
        announceNow();
      }
    }
  }

  /** Whether this node should be announced: streams are open here, or the cache is on. */
  private boolean wantsAnnouncement() {
    return !streams.isEmpty() || (running && cacheOn());
  }

  /** Renews the announcement while this node {@link #wantsAnnouncement}, else withdraws it. */
  private void renewOrWithdraw() {
    synchronized (announcement) {
      if (wantsAnnouncement()) {
        announceNow();
      } else if (announced) {
        announcedUntil = null;
        feed.listening(false, Duration.ZERO);
        announced = false;
      }
    }
  }

  /**
   * Announces this node as a listener. The cache trusts it for one keep-alive round less than it is
   * announced for: the database counts the validity from its own clock, and the next renewal is due
   * a round before that.
   */
  private void announceNow() {
    Instant from = Instant.now();
    try {
      feed.listening(true, announcementValidity());
    } catch (RuntimeException e) {
      announcedUntil = null;
      announced = false; // a stream opened meanwhile announces again
      cache.deaf();
      throw e;
    }
    announcedUntil = from.plus(announcementValidity()).minus(settings.eventKeepAlive());
    if (!announced) {
      rereadAll.set(true); // what changed while not announced was announced to nobody
    }
    announced = true;
  }

  /**
   * What the cache needs of a wake-up: the accounts to forget, and whether the feed still hears
   * every announcement (then the cache is trusted until the announcement lapses).
   */
  private void hear(Wake wake) {
    if (!feed.connected()) {
      cache.deaf();
      return;
    }
    if (wake.all()) {
      cache.forgetAll();
    } else {
      wake.state().forEach(cache::forget);
    }
    Instant until = announcedUntil;
    if (until != null && cacheOn()) {
      cache.listening(until, settings.stateCacheLifetime());
    }
  }

  private boolean announced() {
    synchronized (announcement) {
      return announced;
    }
  }

  private Duration announcementValidity() {
    return settings.eventKeepAlive().multipliedBy(ANNOUNCEMENT_ROUNDS);
  }

  private void run() {
    long keepAlive = settings.eventKeepAlive().toNanos();
    long failedRenewalRetry = Math.min(keepAlive, FAILED_ROUND_RETRY.toNanos());
    long nextComment = System.nanoTime() + keepAlive;
    long nextRenewal = System.nanoTime();
    while (running && !Thread.currentThread().isInterrupted()) {
      try {
        long nextRound = Math.min(nextComment, nextRenewal);
        Duration wait =
            heldBack.isEmpty() && !(rereadAll.get() && announced())
                ? Duration.ofNanos(Math.max(1_000_000, nextRound - System.nanoTime()))
                : HELD_BACK_RETRY;
        Wake wake = feed.await(wait);
        if (wake.all()) {
          rereadAll.set(true); // answered once: kept until every stream was read after it
        }
        if (wake.all() && !announced() && wantsAnnouncement()) {
          // The feed is back after an outage that cost the announcement (the database announced
          // nothing since it lapsed): announced again before every stream is read, so no change
          // falls between that read and the announcement.
          nextRenewal = System.nanoTime();
        }
        if (System.nanoTime() >= nextRenewal) {
          // A failed renewal is due again within a second, not at once: with the database away,
          // a loop retrying an overdue one spun (1 471 attempts in 2 s).
          nextRenewal = System.nanoTime() + failedRenewalRetry;
          if (renew()) {
            nextRenewal = System.nanoTime() + keepAlive;
          }
        }
        // Every stream is read again once announced (or with nothing to announce): the changes
        // made while this node was not announced were announced to nobody.
        boolean everything = rereadAll.get() && (announced() || !wantsAnnouncement());
        Wake handled = everything ? Wake.everything() : wake;
        if (everything) {
          rereadAll.set(false);
        }
        try {
          hear(handled);
          dispatch(handled);
        } catch (RuntimeException e) {
          if (everything) {
            rereadAll.set(true);
          }
          throw e;
        }
        if (System.nanoTime() >= nextComment) {
          nextComment = System.nanoTime() + keepAlive;
          keepAlive();
        }
        DISPATCH_FAILURES.succeeded();
      } catch (RuntimeException e) {
        if (!running) {
          return; // the application is stopping
        }
        cache.deaf();
        DISPATCH_FAILURES.failed(e.toString());
      }
    }
  }

  /** Renews or withdraws the announcement; false when the database refused it. */
  private boolean renew() {
    try {
      renewOrWithdraw();
      ANNOUNCE_FAILURES.succeeded();
      return true;
    } catch (RuntimeException e) {
      if (running) {
        ANNOUNCE_FAILURES.failed(e.toString());
      }
      return false;
    }
  }

  private void dispatch(Wake wake) {
    Set<Long> stored = new HashSet<>(wake.all() ? streams.keySet() : wake.stored());
    stored.addAll(heldBack);
    stored.retainAll(streams.keySet());
    heldBack.clear();
    if (!stored.isEmpty()) {
      Map<Long, EventCursor> cursors = new HashMap<>();
      for (Long account : stored) {
        for (EventStream s : streams.getOrDefault(account, Set.of())) {
          cursors.merge(account, s.cursor(), EventCursor::min);
        }
      }
      StoredEvents events = store.after(cursors, settings.eventReplayLimit());
      heldBack.addAll(events.heldBack());
      for (Long account : cursors.keySet()) {
        for (EventStream s : streams.getOrDefault(account, Set.of())) {
          s.send(events.activities(), events.deliveries());
        }
      }
    }
    Set<Long> state = new HashSet<>(wake.all() ? streams.keySet() : wake.state());
    state.retainAll(streams.keySet());
    state.forEach(states::request);
  }

  /** Reads an account's state once and sends it to every stream of the account. */
  private void sendState(long account) {
    Set<EventStream> open = streams.get(account);
    if (open == null) {
      return;
    }
    try {
      BotStateView view = BotStateView.of(bots.state(account));
      open.forEach(s -> s.sendState(view));
      STATE_FAILURES.succeeded();
    } catch (RuntimeException e) {
      STATE_FAILURES.failed(e.toString());
    }
  }

  /** Comments on every stream and drops the closed ones. */
  private void keepAlive() {
    for (Long account : streams.keySet()) {
      streams.computeIfPresent(
          account,
          (id, set) -> {
            set.removeIf(EventStream::isClosed);
            return set.isEmpty() ? null : set;
          });
    }
    streams.values().forEach(set -> set.forEach(EventStream::keepAlive));
  }

  @PreDestroy
  void stop() {
    running = false;
    cache.deaf();
    streams.values().forEach(set -> set.forEach(EventStream::close));
    streams.clear();
    if (thread != null) {
      thread.interrupt();
    }
    renewOrWithdraw();
  }
}

package dev.herald.scheduler.engine;

import dev.herald.domain.session.SessionState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@link EngineMetrics} without a registry: records the outcome codes of posts and the parked
 * states.
 */
class QuietMetrics extends EngineMetrics {

  final List<String> posts = new CopyOnWriteArrayList<>();
  final List<String> parked = new CopyOnWriteArrayList<>();
  final java.util.concurrent.atomic.AtomicInteger deferred =
      new java.util.concurrent.atomic.AtomicInteger();

  @Override
  void cycleStarted(long latenessMs) {}

  private final Semaphore finished = new Semaphore(0);

  @Override
  void cycleFinished() {
    finished.release();
  }

  /** Waits (a minute at most) for a cycle to finish. */
  void awaitCycleFinished() {
    try {
      if (!finished.tryAcquire(1, TimeUnit.MINUTES)) {
        throw new AssertionError("the cycle did not finish within a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  void claimed(long lagMs) {}

  @Override
  void post(String outcome) {
    posts.add(outcome);
  }

  @Override
  void floodWait() {}

  @Override
  void ban() {}

  @Override
  void targetDeferred() {
    deferred.incrementAndGet();
  }

  @Override
  void parked(SessionState state) {
    parked.add(state.name());
  }

  @Override
  void autoStopped(int count) {}
}

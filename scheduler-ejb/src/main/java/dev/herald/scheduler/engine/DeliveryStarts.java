package dev.herald.scheduler.engine;

import dev.herald.domain.engine.DeliveryLedger;
import dev.herald.domain.engine.DeliveryLedger.Begin;
import dev.herald.domain.engine.DeliveryStart;
import dev.herald.domain.shared.RepeatedFailureLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Group commit of delivery records: every post's record must be committed before its send (rule
 * 10), and one commit per post made the database the engine's ceiling. Posts ask to begin; one
 * writer at a time takes everything asked so far (up to a batch) and writes it in one statement,
 * then answers each post. Idle, a post waits one round trip as before; under load the batches grow
 * by themselves, so no timer adds latency.
 */
final class DeliveryStarts {

  private static final Logger LOG = Logger.getLogger(DeliveryStarts.class.getName());

  /** While the database is away, every batch fails: warned once, then once a minute. */
  private final RepeatedFailureLog failures =
      new RepeatedFailureLog(LOG, "Writing delivery records");

  private record Request(Begin post, CompletableFuture<DeliveryStart> answer) {}

  private final String node;
  private final DeliveryLedger ledger;
  private final Executor executor;
  private final int maxBatch;
  private final ConcurrentLinkedQueue<Request> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicBoolean writing = new AtomicBoolean();
  private volatile Runnable afterBatch = () -> {};

  DeliveryStarts(String node, DeliveryLedger ledger, Executor executor, int maxBatch) {
    this.node = node;
    this.ledger = ledger;
    this.executor = executor;
    this.maxBatch = maxBatch;
  }

  /** Answers once the post's record is committed (SEND) or it must not be sent. */
  CompletionStage<DeliveryStart> begin(Begin post) {
    Request request = new Request(post, new CompletableFuture<>());
    queue.add(request);
    waiting.incrementAndGet();
    startWriter();
    return request.answer();
  }

  /** Posts asked to begin and not answered yet: the engine's backlog. */
  int waiting() {
    return waiting.get();
  }

  /** Runs after every written batch (the engine claims more work when its backlog shrank). */
  void afterBatch(Runnable action) {
    afterBatch = action;
  }

  private void startWriter() {
    if (!queue.isEmpty() && writing.compareAndSet(false, true)) {
      try {
        executor.execute(this::write);
      } catch (RuntimeException rejected) {
        writing.set(false);
        failAll(rejected);
      }
    }
  }

  /**
   * Writes one batch, then lets the next writer start before answering: an answer runs its post's
   * send and whatever follows on this thread, and meanwhile the next batch's records are written
   * (the database and the sends work side by side instead of taking turns).
   */
  private void write() {
    List<Request> batch = new ArrayList<>();
    List<DeliveryStart> answers = null;
    RuntimeException failed = null;
    try {
      for (Request r = queue.poll(); r != null; r = batch.size() < maxBatch ? queue.poll() : null) {
        batch.add(r);
      }
      if (batch.isEmpty()) {
        return;
      }
      waiting.addAndGet(-batch.size());
      List<Begin> posts = new ArrayList<>(batch.size());
      for (Request r : batch) {
        posts.add(r.post());
      }
      answers = ledger.beginDeliveries(node, posts);
      failures.succeeded();
    } catch (RuntimeException e) {
      failed = e;
      failures.failed(batch.size() + " posts not started (" + e.getMessage() + ")");
    } finally {
      writing.set(false);
      afterBatch.run();
      startWriter();
    }
    for (int i = 0; i < batch.size(); i++) {
      if (failed != null) {
        batch.get(i).answer().completeExceptionally(failed);
      } else {
        batch.get(i).answer().complete(answers.get(i));
      }
    }
  }

  private void failAll(RuntimeException cause) {
    for (Request r = queue.poll(); r != null; r = queue.poll()) {
      waiting.decrementAndGet();
      r.answer().completeExceptionally(cause);
    }
  }
}

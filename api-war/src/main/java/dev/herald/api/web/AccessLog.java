package dev.herald.api.web;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Writes the API's access lines ({@code dev.herald.api.access}) from one thread of its own.
 *
 * <p>Liberty writes every record to messages.log under one lock, synchronously. At thousands of
 * requests a second the request threads queued on that lock, and a request that queued behind a
 * writer descheduled or paused for a collection waited 10 ms or more: 939 such waits in 30 s of
 * {@code bench/api.sh}, a large part of the poll's p99. A request now only hands its record over;
 * the one writer never waits for another.
 *
 * <p>The line is written a moment after its request ended; the thread it names is the writer's, and
 * its {@code request_id} ties it to its request. Nothing is dropped: when the queue is full, or
 * before the writer started and after it stopped, the request writes its record itself, as before
 * (such a line may come before lines still queued).
 */
@ApplicationScoped
public class AccessLog {

  private static final Logger LOG = Logger.getLogger("dev.herald.api.access");

  /** A few seconds of lines at the rates bench/api.sh reaches; beyond that requests write. */
  private static final int QUEUE = 32_768;

  private final BlockingQueue<LogRecord> queue;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private volatile boolean open;
  private Thread writer;

  public AccessLog() {
    this(QUEUE);
  }

  AccessLog(int capacity) {
    queue = new ArrayBlockingQueue<>(capacity);
  }

  @PostConstruct
  void start() {
    open = true;
    writer = threads.newThread(this::writeQueued);
    writer.setName("herald-access-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** Whether access lines are logged at all (the level can turn them off). */
  public boolean enabled() {
    return LOG.isLoggable(Level.INFO);
  }

  /** Logs one access line, at INFO. */
  public void write(String line) {
    LogRecord record = new LogRecord(Level.INFO, line);
    record.setLoggerName(LOG.getName());
    // Said here, or the logger would infer them on the writer's thread, from its own stack.
    record.setSourceClassName(RequestIdFilter.class.getName());
    record.setSourceMethodName("doFilter");
    if (!open || !queue.offer(record)) {
      LOG.log(record);
    }
  }

  private void writeQueued() {
    List<LogRecord> batch = new ArrayList<>();
    try {
      while (open || !queue.isEmpty()) {
        LogRecord first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        LOG.log(first);
        queue.drainTo(batch);
        batch.forEach(LOG::log);
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // However the writer ends (the stop, Liberty interrupting it, a failing handler), requests
      // write their own lines from now on instead of filling a queue nobody reads.
      open = false;
      writeLeftOver();
    }
  }

  /** Writes what is still queued; both the writer and {@link #stop} may call it. */
  private void writeLeftOver() {
    for (LogRecord record; (record = queue.poll()) != null; ) {
      LOG.log(record);
    }
  }

  @PreDestroy
  void stop() {
    open = false;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writeLeftOver();
  }
}

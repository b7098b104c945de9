package dev.herald.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessLogTest {

  private final Logger logger = Logger.getLogger("dev.herald.api.access");
  private final Received received = new Received();

  @BeforeEach
  void listen() {
    logger.setUseParentHandlers(false); // 8 000 lines on the build's console help nobody
    logger.addHandler(received);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(received);
    logger.setUseParentHandlers(true);
  }

  @Test
  void everyLineFromManyRequestThreadsIsWrittenOnceByTheWriter() throws Exception {
    AccessLog log = started(new AccessLog());
    List<Thread> requests = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      requests.add(
          new Thread(
              () -> {
                for (int i = 0; i < 1_000; i++) {
                  log.write("GET /api/v1/ping 200 0ms request_id=" + thread + "-" + i);
                }
              }));
    }
    requests.forEach(Thread::start);
    for (Thread request : requests) {
      request.join();
    }
    log.stop();

    assertEquals(8_000, received.messages.size());
    // 8 000 lines fit the queue, so the requests handed every one over.
    assertEquals(Set.of("herald-access-log"), received.threads);
    LogRecord any = received.records.get(0);
    assertEquals("dev.herald.api.access", any.getLoggerName());
    assertEquals(RequestIdFilter.class.getName(), any.getSourceClassName());
  }

  @Test
  void aFullQueueMakesTheRequestWriteItsOwnLineAndNothingIsLost() throws Exception {
    AccessLog log = started(new AccessLog(4));
    received.blockWriter();
    log.write("line 0"); // taken by the writer, which now blocks in the handler
    assertTrue(received.writerBlocked.await(5, TimeUnit.SECONDS));
    for (int i = 1; i <= 6; i++) {
      log.write("line " + i); // four fill the queue, two find it full
    }
    assertEquals(
        List.of("line 5", "line 6"), received.messagesOf(Thread.currentThread().getName()));
    received.releaseWriter();
    log.stop();

    assertEquals(7, received.messages.size());
    for (int i = 0; i <= 6; i++) {
      assertTrue(received.messages.contains("line " + i), "line " + i);
    }
  }

  @Test
  void linesAfterTheStopAreWrittenByTheRequest() {
    AccessLog log = started(new AccessLog());
    log.stop();
    log.write("late line");
    assertEquals(List.of("late line"), received.messagesOf(Thread.currentThread().getName()));
  }

  @Test
  void whenTheWriterIsInterruptedTheRequestsWriteTheirOwnLines() throws Exception {
    Threads threads = new Threads();
    AccessLog log = new AccessLog();
    log.threads = threads;
    log.start();
    log.write("before");
    threads.made.interrupt();
    threads.made.join(5_000);
    log.write("after");

    assertEquals(List.of("after"), received.messagesOf(Thread.currentThread().getName()));
    assertEquals(List.of("before", "after"), received.messages);
    log.stop();
  }

  private static AccessLog started(AccessLog log) {
    log.threads = new Threads();
    log.start();
    return log;
  }

  /** What a handler on the access logger received, and on which threads. */
  private static final class Received extends Handler {
    final List<LogRecord> records = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    final List<String> threadOfEach = new ArrayList<>();
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    final CountDownLatch writerBlocked = new CountDownLatch(1);
    private volatile CountDownLatch release;

    void blockWriter() {
      release = new CountDownLatch(1);
    }

    void releaseWriter() {
      release.countDown();
    }

    @Override
    public void publish(LogRecord record) {
      String thread = Thread.currentThread().getName();
      synchronized (this) {
        records.add(record);
        messages.add(record.getMessage());
        threadOfEach.add(thread);
        threads.add(thread);
      }
      CountDownLatch gate = release;
      if (gate != null && thread.equals("herald-access-log")) {
        writerBlocked.countDown();
        try {
          gate.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    synchronized List<String> messagesOf(String thread) {
      List<String> of = new ArrayList<>();
      for (int i = 0; i < messages.size(); i++) {
        if (threadOfEach.get(i).equals(thread)) {
          of.add(messages.get(i));
        }
      }
      return of;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** Plain threads in place of Liberty's managed ones. */
  private static final class Threads implements ManagedThreadFactory {
    volatile Thread made;

    @Override
    public Thread newThread(Runnable work) {
      made = new Thread(work);
      return made;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      throw new UnsupportedOperationException();
    }
  }
}

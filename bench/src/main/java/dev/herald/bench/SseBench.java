package dev.herald.bench;

import dev.herald.launcher.EventStreamClient;
import dev.herald.launcher.Pause;
import dev.herald.launcher.Tokens;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Issue 16.4, open event streams per node: {@code N} authenticated {@code GET /api/v1/bot/events}
 * streams, one per tenant with a running bot (the sandbox delivers its posts), against a dev
 * server. Prints the heap per open stream (heap after a full GC with N streams minus with none,
 * divided by N) and the event latency from a state change's commit (an {@code UPDATE bot} of a
 * random tenant's {@code last_error_reason}, timed when the commit returns) to the state event's
 * arrival on that tenant's stream: p50/p99/max. Also how many delivery and log events arrived.
 *
 * <p>Usage: {@code bench/sse.sh [streams=1000] [seconds=30]}. The client is the JDK's HttpClient
 * (no thread per stream) in this JVM, on the same cores as Liberty and PostgreSQL.
 */
public final class SseBench {

  static final String RATE_LIMIT = "1000000000";
  static final int CHANGES_PER_SECOND = 20;

  public static void main(String[] args) throws Exception {
    int streams = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Report report = new Report("Event streams: " + streams + " open streams (issue 16.4)");
    try (BenchServer bench =
        new BenchServer("sse", Map.of("HERALD_RATE_LIMIT_DEFAULT_PER_MINUTE", RATE_LIMIT))
            .start()) {
      String machine = Report.machine(bench);
      String base = bench.server.baseUrl();
      report.line("load average before: %s", Report.loadAverage());
      bench.seedRunningBots(streams, 1, 0, 10, 10);
      List<Long> accounts = new ArrayList<>();
      Map<Long, String> subjects = new ConcurrentHashMap<>();
      for (String[] row :
          bench.rows("SELECT id, subject FROM account WHERE subject LIKE 'bench-%' ORDER BY id")) {
        accounts.add(Long.parseLong(row[0]));
        subjects.put(Long.parseLong(row[0]), row[1]);
      }
      Tokens tokens = new Tokens(bench.keysDir());
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

      // Warm-up: the classes and the dispatcher of a stream, then none open.
      List<EventStreamClient> warm =
          open(http, base, tokens, subjects, accounts.subList(0, 20), (a, e) -> {});
      warm.forEach(EventStreamClient::close);
      Pause.of(Duration.ofSeconds(3));
      long heapNone = minHeap(bench);

      Map<String, Long> committedAt = new ConcurrentHashMap<>();
      Map<String, Long> receivedAt = new ConcurrentHashMap<>();
      long[] counts = new long[3]; // state, log, delivery
      CountDownLatch ready = new CountDownLatch(accounts.size());
      Map<Long, Boolean> seenState = new ConcurrentHashMap<>();
      List<EventStreamClient> open =
          open(
              http,
              base,
              tokens,
              subjects,
              accounts,
              (account, e) -> {
                synchronized (counts) {
                  switch (e.name()) {
                    case "state" -> counts[0]++;
                    case "log" -> counts[1]++;
                    case "delivery" -> counts[2]++;
                    default -> {}
                  }
                }
                if (e.name().equals("state")) {
                  if (seenState.putIfAbsent(account, true) == null) {
                    ready.countDown();
                  }
                  int tag = e.data().indexOf("\"last_error_reason\":\"bench ");
                  if (tag >= 0) {
                    String key = e.data().substring(tag + 27, e.data().indexOf('"', tag + 27));
                    receivedAt.putIfAbsent(key, e.receivedNanos());
                  }
                }
              });
      if (!ready.await(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException(ready.getCount() + " streams got no initial state");
      }
      long heapOpen = minHeap(bench);
      report.line(
          "%d streams open (each got its replay and state); heap after GC: %.1f MiB with none,"
              + " %.1f MiB with %d: %.1f KiB per open stream",
          open.size(),
          heapNone / 1048576.0,
          heapOpen / 1048576.0,
          open.size(),
          (heapOpen - heapNone) / 1024.0 / open.size());

      long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      int changes = 0;
      while (System.nanoTime() < end) {
        long account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
        String key = account + "-" + changes++;
        long before = System.nanoTime();
        bench.sql(
            "UPDATE bot SET last_error_reason = ? WHERE account_id = ?", "bench " + key, account);
        committedAt.put(key, System.nanoTime()); // the commit has returned
        long pause = 1_000_000_000L / CHANGES_PER_SECOND - (System.nanoTime() - before);
        if (pause > 0) {
          Pause.of(Duration.ofNanos(pause));
        }
      }
      Pause.of(Duration.ofSeconds(5));
      List<Long> sorted = new ArrayList<>();
      committedAt.forEach(
          (key, committed) -> {
            Long received = receivedAt.get(key);
            if (received != null) {
              sorted.add(Math.max(0, received - committed));
            }
          });
      Collections.sort(sorted);
      report.line(
          "state changes committed: %d over %d s; received: %d (%d missing); commit-to-receipt"
              + " latency p50 %.1f ms, p99 %.1f ms, max %.1f ms",
          changes,
          seconds,
          sorted.size(),
          changes - sorted.size(),
          percentile(sorted, 0.50),
          percentile(sorted, 0.99),
          percentile(sorted, 1.0));
      synchronized (counts) {
        report.line(
            "events received on all streams in the run: %d state, %d log, %d delivery (%d bots"
                + " cycling every 10 s in the sandbox)",
            counts[0], counts[1], counts[2], streams);
      }
      report.line("load average after: %s", Report.loadAverage());
      open.forEach(EventStreamClient::close);
      report.save(machine);
    }
    System.exit(0);
  }

  interface Received {
    void event(long account, EventStreamClient.Event event);
  }

  /** Opens one stream per account, 16 at a time. */
  static List<EventStreamClient> open(
      HttpClient http,
      String base,
      Tokens tokens,
      Map<Long, String> subjects,
      List<Long> accounts,
      Received received)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<EventStreamClient>> opening = new ArrayList<>();
      for (long account : accounts) {
        String token = tokens.tenant(subjects.get(account));
        opening.add(
            pool.submit(
                () ->
                    EventStreamClient.open(
                        http, base, token, null, e -> received.event(account, e))));
      }
      List<EventStreamClient> open = new ArrayList<>();
      for (Future<EventStreamClient> f : opening) {
        open.add(f.get());
      }
      return open;
    } finally {
      pool.shutdown();
    }
  }

  /** The smallest of three heap-after-GC readings (the engine allocates between them). */
  static long minHeap(BenchServer bench) {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      min = Math.min(min, bench.heapAfterGc());
    }
    return min;
  }

  static double percentile(List<Long> sortedNanos, double p) {
    if (sortedNanos.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p * sortedNanos.size()) - 1;
    return sortedNanos.get(Math.max(0, Math.min(i, sortedNanos.size() - 1))) / 1e6;
  }
}

package dev.herald.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * What Herald's PostgreSQL sessions are doing, sampled: (state, wait event | statement) counts. A
 * sample every 100 ms shows where the database side of a run spends its time.
 */
public final class PgActivity {

  private final Map<String, Integer> samples = new TreeMap<>();

  public void sample(BenchServer bench) {
    for (String[] a :
        bench.rows(
            "SELECT state || ' ' || coalesce(wait_event, 'cpu') || ' | ' ||"
                + " left(regexp_replace(query, '\\s+', ' ', 'g'), 70) FROM pg_stat_activity WHERE"
                + " datname = 'herald' AND application_name LIKE 'herald%' AND state <> 'idle'")) {
      samples.merge(a[0], 1, Integer::sum);
    }
  }

  public void report(Report report, int top) {
    report.line("PostgreSQL sessions of Herald, sampled (state, wait | statement), top %d:", top);
    samples.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> report.line("    %5d  %s", e.getValue(), e.getKey()));
  }
}

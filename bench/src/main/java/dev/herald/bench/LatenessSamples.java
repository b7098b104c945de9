package dev.herald.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Every execution a peer scheduler started (actual start, start - planned), recorded in memory by
 * the executing thread; summarised for a window with the same percentile as Herald's figures
 * (PostgreSQL's percentile_cont: linear interpolation between the two nearest ranks).
 */
public final class LatenessSamples {

  private long[] startMicros = new long[1 << 16];
  private long[] latenessMicros = new long[1 << 16];
  private int size;

  public synchronized void add(Instant start, Instant planned) {
    if (size == startMicros.length) {
      startMicros = Arrays.copyOf(startMicros, size * 2);
      latenessMicros = Arrays.copyOf(latenessMicros, size * 2);
    }
    startMicros[size] = micros(start);
    latenessMicros[size] = Duration.between(planned, start).toNanos() / 1000;
    size++;
  }

  /** Lateness of the executions started in [from, to), in ms. */
  public record Summary(
      int count, double p50, double p99, double max, double min, int over20, int over200) {}

  public synchronized Summary window(Instant from, Instant to) {
    long lo = micros(from);
    long hi = micros(to);
    double[] ms = new double[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (startMicros[i] >= lo && startMicros[i] < hi) {
        ms[n++] = latenessMicros[i] / 1000.0;
      }
    }
    ms = Arrays.copyOf(ms, n);
    Arrays.sort(ms);
    if (n == 0) {
      return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
    }
    int over20 = (int) Arrays.stream(ms).filter(v -> v > 20).count();
    int over200 = (int) Arrays.stream(ms).filter(v -> v > 200).count();
    return new Summary(
        n, percentile(ms, 0.5), percentile(ms, 0.99), ms[n - 1], ms[0], over20, over200);
  }

  static double percentile(double[] sorted, double p) {
    double rank = p * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
  }
}

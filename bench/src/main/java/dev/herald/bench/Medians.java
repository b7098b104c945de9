package dev.herald.bench;

import java.util.Arrays;

/**
 * The medians the benchmarks report: a figure of one sitting is the median of its rounds, so one
 * round disturbed by the machine (a build, a checkpoint) moves it less than it moves a mean.
 */
public final class Medians {

  private Medians() {}

  /** The median of the values; 0 when there are none. */
  public static double of(double... values) {
    double[] v = values.clone();
    Arrays.sort(v);
    if (v.length == 0) {
      return 0;
    }
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}

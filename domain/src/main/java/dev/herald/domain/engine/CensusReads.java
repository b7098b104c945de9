package dev.herald.domain.engine;

import java.time.Duration;

/** Counts the {@link Census}, a few rows read by index, for the engine's periodic gauges. */
public interface CensusReads {

  /** The census now; a running bot is overdue once due for longer than {@code overdueAfter}. */
  Census count(Duration overdueAfter);
}

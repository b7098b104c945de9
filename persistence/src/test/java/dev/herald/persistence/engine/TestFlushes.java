package dev.herald.persistence.engine;

import dev.herald.domain.engine.DeliveryLedger.FlushId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The ids of the tests' ledger flushes: one writer, numbered as the engine's write-behind does. */
final class TestFlushes {

  private static final UUID WRITER = UUID.randomUUID();
  private static final AtomicLong NUMBER = new AtomicLong();

  private TestFlushes() {}

  /** The next flush's id. */
  static FlushId next() {
    return new FlushId(WRITER, NUMBER.incrementAndGet());
  }
}

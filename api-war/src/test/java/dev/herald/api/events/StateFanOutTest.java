package dev.herald.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class StateFanOutTest {

  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private final List<Long> read = new ArrayList<>();

  private void runAll() {
    for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
      task.run();
    }
  }

  @Test
  void anAccountAskedForAgainWhileItWaitsIsReadOnce() {
    StateFanOut states = new StateFanOut(2, tasks::add, read::add);
    states.request(4);
    states.request(4);
    states.request(4);
    runAll();
    assertEquals(List.of(4L), read);
  }

  @Test
  void aLaneRunsOneTaskAtATimeAndReadsInOrder() {
    StateFanOut states = new StateFanOut(1, tasks::add, read::add);
    states.request(1);
    states.request(2);
    states.request(3);
    assertEquals(1, tasks.size());
    runAll();
    assertEquals(List.of(1L, 2L, 3L), read);
  }

  @Test
  void aChangeDuringTheReadIsReadAgain() {
    List<Long> reads = new ArrayList<>();
    StateFanOut[] states = new StateFanOut[1];
    states[0] =
        new StateFanOut(
            1,
            tasks::add,
            account -> {
              reads.add(account);
              if (reads.size() == 1) {
                states[0].request(account); // changed again while being read
              }
            });
    states[0].request(7);
    runAll();
    assertEquals(List.of(7L, 7L), reads);
  }
}

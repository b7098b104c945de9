package dev.herald.scheduler.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link EngineMetrics} without a registry: records the outcome codes of posts, nothing else. */
class QuietMetrics extends EngineMetrics {

  final List<String> posts = new CopyOnWriteArrayList<>();

  @Override
  void cycleStarted(long latenessMs) {}

  @Override
  void cycleFinished() {}

  @Override
  void claimed(long lagMs) {}

  @Override
  void post(String outcome) {
    posts.add(outcome);
  }

  @Override
  void floodWait() {}

  @Override
  void ban() {}

  @Override
  void autoStopped(int count) {}
}

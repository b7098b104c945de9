package dev.herald.domain.activity;

import java.util.List;
import java.util.Optional;

/** Reads an account's counters and activity log. The engine writes them (and a plan change). */
public interface ActivityRepository {

  /** Adds one entry to the account's activity log, as of now. */
  void record(long accountId, ActivityEvent event, String reasonCode, String message);

  Optional<BotStats> stats(long accountId);

  /** Entries older than {@code beforeId} (newest first when null), at most {@code limit}. */
  List<ActivityEntry> page(long accountId, Long beforeId, int limit);
}

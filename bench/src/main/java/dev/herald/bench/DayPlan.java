package dev.herald.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The posts one tenant's plan calls for in the day benchmark's window, worked out the way Herald's
 * rules say (README, Targets), so that "delivered / planned" compares Herald with its own plan and
 * not with a plan it may not follow: a cycle visits the groups in order and posts where it may,
 * with the delay between posts after every post but the last group's, and the delay between cycles
 * after the cycle; a group is joined when a cycle first reaches it, at most {@code joinsPerWindow}
 * joins (join requests and channels count) per rolling {@code joinWindowMs}, a group beyond the
 * pace waits for the next free join; a group in slow mode is skipped until its slow mode (on the
 * model's clock, at least 1 s) has passed since the last post there; a group the session joined
 * less than a day ago (24 join windows) is posted to only while fewer than {@code newChatsPerDay}
 * other such groups, joined less than two days ago, got a post while new (Telegram's spam limit,
 * {@code TargetRules.beforeSend}). Channels, groups needing approval and groups that ban the
 * session are joined (or tried) but never posted in.
 */
final class DayPlan {

  /** One group of the tenant, in config order. */
  record Group(boolean banned, boolean deliverable, long slowModeMs) {}

  private final long postDelayMs;
  private final long cycleDelayMs;
  private final int joinsPerWindow;
  private final long joinWindowMs;
  private final int newChatsPerDay;

  DayPlan(
      long postDelayMs,
      long cycleDelayMs,
      int joinsPerWindow,
      long joinWindowMs,
      int newChatsPerDay) {
    this.postDelayMs = postDelayMs;
    this.cycleDelayMs = cycleDelayMs;
    this.joinsPerWindow = joinsPerWindow;
    this.joinWindowMs = joinWindowMs;
    this.newChatsPerDay = newChatsPerDay;
  }

  /** How many posts the plan makes from {@code startMs} (the first cycle) up to {@code endMs}. */
  long posts(List<Group> groups, long startMs, long endMs) {
    int n = groups.size();
    boolean[] prepared = new boolean[n];
    long[] pacedUntil = new long[n];
    long[] lastPost = new long[n];
    Arrays.fill(lastPost, Long.MIN_VALUE);
    long[] joinedAt = new long[n];
    boolean[] postedNew = new boolean[n];
    long dayMs = 24 * joinWindowMs;
    List<Long> joins = new ArrayList<>();
    long posts = 0;
    long t = startMs;
    while (t <= endMs) {
      for (int g = 0; g < n; g++) {
        Group group = groups.get(g);
        if (!prepared[g]) {
          if (t < pacedUntil[g]) {
            continue;
          }
          if (!group.banned()) {
            long windowStart = t - joinWindowMs;
            List<Long> recent = joins.stream().filter(at -> at > windowStart).toList();
            if (recent.size() >= joinsPerWindow) {
              pacedUntil[g] = recent.get(recent.size() - joinsPerWindow) + joinWindowMs;
              continue;
            }
            joins.add(t);
            joinedAt[g] = t;
          }
          prepared[g] = true;
        }
        if (!group.deliverable()
            || lastPost[g] != Long.MIN_VALUE
                && t < lastPost[g] + Math.max(1000, group.slowModeMs())) {
          continue;
        }
        if (t < joinedAt[g] + dayMs && !mayPostNew(g, t, joinedAt, postedNew, dayMs)) {
          continue;
        }
        if (t < joinedAt[g] + dayMs) {
          postedNew[g] = true;
        }
        if (t <= endMs) {
          posts++;
        }
        lastPost[g] = t;
        if (g < n - 1) {
          t += postDelayMs;
        }
      }
      t += cycleDelayMs;
    }
    return posts;
  }

  /** Fewer than {@code newChatsPerDay} other groups joined within two days got a post while new. */
  private boolean mayPostNew(int g, long t, long[] joinedAt, boolean[] postedNew, long dayMs) {
    int counted = 0;
    for (int h = 0; h < joinedAt.length; h++) {
      if (h != g && postedNew[h] && joinedAt[h] + 2 * dayMs > t) {
        counted++;
      }
    }
    return counted < newChatsPerDay;
  }
}

package dev.herald.domain.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * The per-group minimum interval: a group last posted to at {@code lastPostedAt} may be posted to
 * again once {@code interval} has passed; a cycle skips it until then (it is posted to in a later
 * cycle). SQL twin: {@code LeaseSql.recentlyPosted}, which the claim uses to leave such groups out.
 */
public final class GroupInterval {

  private GroupInterval() {}

  public static boolean mayPostTo(Instant lastPostedAt, Instant now, Duration interval) {
    return interval.isZero() || lastPostedAt == null || !lastPostedAt.plus(interval).isAfter(now);
  }
}

package dev.herald.api.session;

import dev.herald.domain.session.SessionWarmup;
import java.time.Instant;

/**
 * A warming session's budget as admins see it: its age day (1 on the day it was added), its posts
 * per hour that day (null once warm-up is over: no limit), the posts of this hour, and until when
 * it is paused for having used them.
 */
public record WarmupView(int ageDay, Integer postsPerHour, int postsThisHour, Instant pausedUntil) {

  static WarmupView of(SessionWarmup.Use use, Instant now) {
    var budget = SessionWarmup.budget(use.postsPerHour(), use.startedAt(), now);
    return new WarmupView(
        SessionWarmup.ageDay(use.startedAt(), now),
        budget.isPresent() ? budget.getAsInt() : null,
        use.postsThisHour(now),
        use.pausedUntil().filter(now::isBefore).orElse(null));
  }
}

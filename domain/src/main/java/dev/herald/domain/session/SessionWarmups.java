package dev.herald.domain.session;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Where warming sessions' budgets and hourly use live (PostgreSQL: {@code session_warmup}). */
public interface SessionWarmups {

  /** The session warms up from {@code startedAt} with {@code warmup}'s budgets. */
  void start(long sessionId, Instant startedAt, SessionWarmup warmup);

  /** The use of those of {@code sessionIds} that have a warm-up, by session id. */
  Map<Long, SessionWarmup.Use> of(Collection<Long> sessionIds);
}

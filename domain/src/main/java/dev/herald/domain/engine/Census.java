package dev.herald.domain.engine;

import dev.herald.domain.session.SessionState;
import java.util.EnumMap;
import java.util.Map;

/**
 * What an operator counts at a glance (SPEC §4's pool sizes): the session pool by state, the bots
 * running, and those overdue: running, due for longer than the census was asked to allow, and
 * leased by no node. Overdue bots mean no engine is keeping up (all nodes down, stuck, or
 * overloaded); a pool without {@code UNUSED} sessions means the next start finds no sender.
 */
public record Census(Map<SessionState, Long> sessions, long runningBots, long overdueBots) {

  public static final Census NONE = new Census(Map.of(), 0, 0);

  public Census {
    EnumMap<SessionState, Long> all = new EnumMap<>(SessionState.class);
    for (SessionState state : SessionState.values()) {
      all.put(state, sessions.getOrDefault(state, 0L));
    }
    sessions = Map.copyOf(all);
  }

  public long sessions(SessionState state) {
    return sessions.get(state);
  }
}

package dev.herald.domain.events;

import java.util.HashSet;
import java.util.Set;

/**
 * The accounts whose state, activity or deliveries changed since the last wake-up; {@code all} when
 * the announcement could not name them (too many, or a reconnect).
 */
public record Wake(Set<Long> state, Set<Long> stored, boolean all) {

  public static final Wake NONE = new Wake(Set.of(), Set.of(), false);

  public static Wake everything() {
    return new Wake(Set.of(), Set.of(), true);
  }

  public boolean isEmpty() {
    return !all && state.isEmpty() && stored.isEmpty();
  }

  /**
   * The announcements received together, each {@code kind:id,id,...} or {@code kind:*}, read in one
   * pass: a wake-up after a busy moment brings thousands of them (the engine's flushes announce up
   * to some hundred accounts each), and merging them one by one into fresh sets copied the sets
   * gathered so far for every announcement.
   */
  public static Wake of(Iterable<String> payloads) {
    Set<Long> state = new HashSet<>();
    Set<Long> stored = new HashSet<>();
    for (String payload : payloads) {
      int colon = payload.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String ids = payload.substring(colon + 1);
      if (ids.equals("*")) {
        return everything();
      }
      Set<Long> target = payload.startsWith("state:") ? state : stored;
      for (String id : ids.split(",")) {
        if (!id.isEmpty()) {
          target.add(Long.parseLong(id));
        }
      }
    }
    return state.isEmpty() && stored.isEmpty() ? NONE : new Wake(state, stored, false);
  }
}

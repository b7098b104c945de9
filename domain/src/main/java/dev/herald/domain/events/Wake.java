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

  /** Adds one announcement's payload, {@code kind:id,id,...} or {@code kind:*}. */
  public static Wake merge(Wake wake, String payload) {
    int colon = payload.indexOf(':');
    if (colon < 0) {
      return wake;
    }
    String kind = payload.substring(0, colon);
    String ids = payload.substring(colon + 1);
    if (ids.equals("*")) {
      return everything();
    }
    Set<Long> state = new HashSet<>(wake.state);
    Set<Long> stored = new HashSet<>(wake.stored);
    Set<Long> target = kind.equals("state") ? state : stored;
    for (String id : ids.split(",")) {
      if (!id.isEmpty()) {
        target.add(Long.parseLong(id));
      }
    }
    return new Wake(state, stored, wake.all);
  }
}

package dev.herald.domain.bot;

import java.util.List;

/** Admin reads across tenants: bots by status, a page at a time, and removing a bot. */
public interface BotDirectory {

  /**
   * Bots with this status (all when null), by account id, those after {@code afterAccountId} (from
   * the first when null), at most {@code limit}.
   */
  List<Bot> page(BotStatus status, Long afterAccountId, int limit);

  void delete(Bot bot);
}

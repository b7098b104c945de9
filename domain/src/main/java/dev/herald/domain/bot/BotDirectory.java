package dev.herald.domain.bot;

import java.util.List;

/** Admin reads across tenants: bots by status, a page at a time, and removing a bot. */
public interface BotDirectory {

  /**
   * Bots with this status (all when null), by account id, page {@code page} (from 0) of {@code
   * size}.
   */
  List<Bot> page(BotStatus status, int page, int size);

  long count(BotStatus status);

  void delete(Bot bot);
}

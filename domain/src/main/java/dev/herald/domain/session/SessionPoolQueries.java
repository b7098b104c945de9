package dev.herald.domain.session;

import dev.herald.domain.session.SessionPoolService.ApiPairUsage;
import java.util.List;
import java.util.Optional;

/** What admins list of the pool, read by key (keyset paging), apart from the pool's writes. */
public interface SessionPoolQueries {

  /** Sessions in {@code state} (all when empty) with ids above {@code afterId}, by id. */
  List<TelegramSession> sessions(Optional<SessionState> state, Long afterId, int limit);

  /**
   * API pairs with ids above {@code afterId} (all when null), by id, with their sessions in use.
   */
  List<ApiPairUsage> apiPairs(Long afterId, int limit);
}

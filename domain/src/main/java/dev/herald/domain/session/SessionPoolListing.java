package dev.herald.domain.session;

import dev.herald.domain.session.SessionPoolService.ApiPairUsage;
import dev.herald.domain.shared.Page;
import dev.herald.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;

/** The admin lists of the pool: sessions and API pairs, by id, a page at a time. */
@ApplicationScoped
@Transactional
public class SessionPoolListing {

  @Inject SessionPoolQueries queries;
  @Inject SessionWarmups warmups;

  public Page<TelegramSession> sessions(Optional<SessionState> state, PageRequest request) {
    return request.page(
        queries.sessions(state, request.after(), request.fetchSize()), TelegramSession::id);
  }

  public Page<ApiPairUsage> apiPairs(PageRequest request) {
    return request.page(
        queries.apiPairs(request.after(), request.fetchSize()), usage -> usage.pair().id());
  }

  /** The warm-up use of those of the sessions that warm up, by session id. */
  public Map<Long, SessionWarmup.Use> warmups(Page<TelegramSession> page) {
    return warmups.of(page.items().stream().map(TelegramSession::id).toList());
  }
}

package dev.herald.domain.session;

import dev.herald.domain.session.SessionPoolService.ApiPairUsage;
import dev.herald.domain.shared.Page;
import dev.herald.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The admin lists of the pool: sessions and API pairs, by id, a page at a time. */
@ApplicationScoped
@Transactional
public class SessionPoolListing {

  @Inject SessionPoolQueries queries;

  public Page<TelegramSession> sessions(Optional<SessionState> state, PageRequest request) {
    return request.page(
        queries.sessions(state, request.after(), request.fetchSize()), TelegramSession::id);
  }

  public Page<ApiPairUsage> apiPairs(PageRequest request) {
    return request.page(
        queries.apiPairs(request.after(), request.fetchSize()), usage -> usage.pair().id());
  }
}

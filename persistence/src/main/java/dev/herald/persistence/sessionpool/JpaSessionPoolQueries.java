package dev.herald.persistence.sessionpool;

import dev.herald.domain.session.ApiPair;
import dev.herald.domain.session.SessionPoolQueries;
import dev.herald.domain.session.SessionPoolService.ApiPairUsage;
import dev.herald.domain.session.SessionState;
import dev.herald.domain.session.TelegramSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Keyset pages of sessions and API pairs; a pair's sessions in use counted in one query. */
@ApplicationScoped
public class JpaSessionPoolQueries implements SessionPoolQueries {

  /** The states that occupy a place of the pair's capacity (as the allocation counts them). */
  private static final List<SessionState> IN_USE = List.copyOf(SessionState.IN_USE);

  @PersistenceContext(unitName = "herald")
  EntityManager em;

  @Override
  public List<TelegramSession> sessions(Optional<SessionState> state, Long afterId, int limit) {
    String where = state.isPresent() ? " AND s.state = :state" : "";
    var query =
        em.createQuery(
                "SELECT s FROM TelegramSession s WHERE s.id > :after" + where + " ORDER BY s.id",
                TelegramSession.class)
            .setParameter("after", afterId == null ? 0L : afterId)
            .setMaxResults(limit);
    state.ifPresent(s -> query.setParameter("state", s));
    return query.getResultList();
  }

  @Override
  public List<ApiPairUsage> apiPairs(Long afterId, int limit) {
    List<ApiPair> pairs =
        em.createQuery("SELECT p FROM ApiPair p WHERE p.id > :after ORDER BY p.id", ApiPair.class)
            .setParameter("after", afterId == null ? 0L : afterId)
            .setMaxResults(limit)
            .getResultList();
    if (pairs.isEmpty()) {
      return List.of();
    }
    Map<Long, Long> inUse =
        em
            .createQuery(
                "SELECT s.apiPairId, COUNT(s) FROM TelegramSession s WHERE s.apiPairId IN :pairs"
                    + " AND s.state IN :states GROUP BY s.apiPairId",
                Object[].class)
            .setParameter("pairs", pairs.stream().map(ApiPair::id).toList())
            .setParameter("states", IN_USE)
            .getResultList()
            .stream()
            .collect(
                Collectors.toMap(
                    row -> ((Number) row[0]).longValue(), row -> ((Number) row[1]).longValue()));
    return pairs.stream()
        .map(pair -> new ApiPairUsage(pair, inUse.getOrDefault(pair.id(), 0L)))
        .toList();
  }
}

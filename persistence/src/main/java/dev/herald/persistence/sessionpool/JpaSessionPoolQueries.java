package dev.herald.persistence.sessionpool;

import dev.herald.domain.session.ApiPair;
import dev.herald.domain.session.SessionPoolQueries;
import dev.herald.domain.session.SessionPoolService.ApiPairUsage;
import dev.herald.domain.session.SessionState;
import dev.herald.domain.session.TelegramSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
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

  @Inject Clock clock;

  /**
   * Sessions in the state people see ({@link TelegramSession#stateAt}): {@code COOLING_DOWN} is a
   * session whose flood wait runs now, and {@code ASSIGNED} one without.
   */
  @Override
  public List<TelegramSession> sessions(Optional<SessionState> state, Long afterId, int limit) {
    String where =
        state
            .map(
                s ->
                    switch (s) {
                      case COOLING_DOWN ->
                          " AND (s.state = :state OR (s.state = :assigned AND s.floodWaitUntil >"
                              + " :now))";
                      case ASSIGNED ->
                          " AND s.state = :state AND (s.floodWaitUntil IS NULL OR s.floodWaitUntil"
                              + " <= :now)";
                      default -> " AND s.state = :state";
                    })
            .orElse("");
    var query =
        em.createQuery(
                "SELECT s FROM TelegramSession s WHERE s.id > :after" + where + " ORDER BY s.id",
                TelegramSession.class)
            .setParameter("after", afterId == null ? 0L : afterId)
            .setMaxResults(limit);
    state.ifPresent(
        s -> {
          query.setParameter("state", s);
          if (s == SessionState.COOLING_DOWN) {
            query.setParameter("assigned", SessionState.ASSIGNED);
          }
          if (s == SessionState.COOLING_DOWN || s == SessionState.ASSIGNED) {
            query.setParameter("now", clock.instant());
          }
        });
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

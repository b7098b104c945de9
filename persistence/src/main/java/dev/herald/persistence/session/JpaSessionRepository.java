package dev.herald.persistence.session;

import dev.herald.domain.session.ApiPair;
import dev.herald.domain.session.SessionRepository;
import dev.herald.domain.session.SessionState;
import dev.herald.domain.session.TelegramSession;
import dev.herald.persistence.JpaStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sessions and API pairs through JPA; allocation through PostgreSQL row locks. */
@ApplicationScoped
public class JpaSessionRepository extends JpaStore implements SessionRepository {

  @Override
  public TelegramSession save(TelegramSession session) {
    return insertOrMerge(session, session.id() == null);
  }

  @Override
  public Optional<TelegramSession> findById(long id) {
    return find(TelegramSession.class, id);
  }

  @Override
  public TelegramSession reload(TelegramSession session) {
    TelegramSession managed = em.contains(session) ? session : em.merge(session);
    em.refresh(managed);
    return managed;
  }

  @Override
  public List<TelegramSession> assignedTo(long accountId) {
    return em.createQuery(
            "SELECT s FROM TelegramSession s WHERE s.assignedAccountId = :account ORDER BY s.id",
            TelegramSession.class)
        .setParameter("account", accountId)
        .getResultList();
  }

  @Override
  public void delete(TelegramSession session) {
    remove(session);
  }

  @Override
  public ApiPair save(ApiPair pair) {
    return insert(pair);
  }

  @Override
  public Optional<ApiPair> findApiPair(long id) {
    return find(ApiPair.class, id);
  }

  @Override
  public Optional<ApiPair> findApiPairByApiId(int apiId) {
    return first(whereEquals(ApiPair.class, "apiId", apiId));
  }

  @Override
  public long inUse(long apiPairId) {
    return em.createQuery(
            "SELECT count(s) FROM TelegramSession s WHERE s.apiPairId = :pair AND s.state IN"
                + " :states",
            Long.class)
        .setParameter("pair", apiPairId)
        .setParameter("states", SessionState.IN_USE)
        .getSingleResult();
  }

  /** See {@link SessionSql#LOCK_API_PAIRS} for why allocations are serialised. */
  @Override
  public List<Long> allocate(long accountId, int count) {
    em.flush();
    em.createNativeQuery(SessionSql.LOCK_API_PAIRS).getResultList();
    List<Long> assigned = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<?> next = em.createNativeQuery(SessionSql.NEXT_FREE_SESSION).getResultList();
      if (next.isEmpty()) {
        break;
      }
      long sessionId = ((Number) next.get(0)).longValue();
      em.createNativeQuery(SessionSql.ASSIGN_SESSION)
          .setParameter(1, accountId)
          .setParameter(2, sessionId)
          .executeUpdate();
      assigned.add(sessionId);
    }
    return assigned;
  }

  @Override
  public List<Long> keepAtMost(long accountId, int count) {
    em.flush();
    List<?> released =
        em.createNativeQuery(SessionSql.RELEASE_BEYOND)
            .setParameter(1, accountId)
            .setParameter(2, count)
            .setParameter(3, accountId)
            .getResultList();
    return released.stream().map(id -> ((Number) id).longValue()).toList();
  }
}

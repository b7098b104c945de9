package dev.herald.persistence.activity;

import dev.herald.domain.activity.ActivityEntry;
import dev.herald.domain.activity.ActivityEvent;
import dev.herald.domain.activity.ActivityRepository;
import dev.herald.domain.activity.BotStats;
import dev.herald.persistence.JpaStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Keyset paging by id, newest first, always filtered by the account. */
@ApplicationScoped
public class JpaActivityRepository extends JpaStore implements ActivityRepository {

  @Override
  public void record(long accountId, ActivityEvent event, String reasonCode, String message) {
    em.createNativeQuery(
            "INSERT INTO activity_log (account_id, event, reason_code, message, created_at)"
                + " VALUES (?, ?, ?, ?, now())")
        .setParameter(1, accountId)
        .setParameter(2, event.name())
        .setParameter(3, reasonCode)
        .setParameter(4, message)
        .executeUpdate();
  }

  @Override
  public Optional<BotStats> stats(long accountId) {
    return find(BotStats.class, accountId);
  }

  @Override
  public List<ActivityEntry> page(long accountId, Long beforeId, int limit) {
    String before = beforeId == null ? "" : " AND e.id < :before";
    var query =
        em.createQuery(
                "SELECT e FROM ActivityEntry e WHERE e.accountId = :account"
                    + before
                    + " ORDER BY e.id DESC",
                ActivityEntry.class)
            .setParameter("account", accountId)
            .setMaxResults(limit);
    if (beforeId != null) {
      query.setParameter("before", beforeId);
    }
    return query.getResultList();
  }
}

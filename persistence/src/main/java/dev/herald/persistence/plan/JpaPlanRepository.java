package dev.herald.persistence.plan;

import dev.herald.domain.plan.PlanRepository;
import dev.herald.persistence.UTC;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Billing event ids in {@code billing_event}: an insert that does nothing on conflict tells a first
 * delivery from a replay atomically, even when two deliveries race.
 */
@ApplicationScoped
public class JpaPlanRepository implements PlanRepository {

  @PersistenceContext(unitName = "herald")
  EntityManager em;

  @Override
  public boolean recordBillingEvent(
      String eventId, Long accountId, Instant now, Instant forgetBefore) {
    em.createNativeQuery("DELETE FROM billing_event WHERE received_at < ?")
        .setParameter(1, UTC.at(forgetBefore))
        .executeUpdate();
    int inserted =
        em.createNativeQuery(
                "INSERT INTO billing_event (event_id, account_id, received_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (event_id) DO NOTHING")
            .setParameter(1, eventId)
            .setParameter(2, accountId)
            .setParameter(3, UTC.at(now))
            .executeUpdate();
    return inserted == 1;
  }
}

package dev.herald.persistence.audit;

import dev.herald.domain.audit.AuditEntry;
import dev.herald.domain.audit.AuditRepository;
import dev.herald.persistence.JpaStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Audit entries through JPA, paged by id (keyset), newest first. */
@ApplicationScoped
public class JpaAuditRepository extends JpaStore implements AuditRepository {

  @Override
  public void append(AuditEntry entry) {
    em.persist(entry);
  }

  @Override
  public List<AuditEntry> newestFirst(Long beforeId, int limit) {
    String where = beforeId == null ? "" : " WHERE e.id < :before";
    var query =
        em.createQuery(
                "SELECT e FROM AuditEntry e" + where + " ORDER BY e.id DESC", AuditEntry.class)
            .setMaxResults(limit);
    if (beforeId != null) {
      query.setParameter("before", beforeId);
    }
    return query.getResultList();
  }
}

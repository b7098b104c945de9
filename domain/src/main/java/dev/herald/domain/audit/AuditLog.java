package dev.herald.domain.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;

/**
 * Records admin actions. {@link #record} joins the caller's transaction and refuses to run
 * without one, so an action and its audit row are committed together or not at all.
 */
@ApplicationScoped
public class AuditLog {

  @Inject AuditRepository entries;
  @Inject Clock clock;

  @Transactional(TxType.MANDATORY)
  public void record(Actor actor, String action, String targetType, Object targetId, String details) {
    entries.append(
        new AuditEntry(
            actor,
            action,
            targetType,
            targetId == null ? null : targetId.toString(),
            details,
            clock.instant()));
  }

  @Transactional
  public List<AuditEntry> page(Long beforeId, int limit) {
    return entries.newestFirst(beforeId, Math.max(1, Math.min(limit, 200)));
  }
}

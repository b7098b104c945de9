package dev.herald.domain.audit;

import dev.herald.domain.shared.Page;
import dev.herald.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;

/**
 * Records admin actions. {@link #record} joins the caller's transaction and refuses to run without
 * one, so an action and its audit row are committed together or not at all.
 */
@ApplicationScoped
public class AuditLog {

  /** The audit row keeps this much of the details (the column's size); longer details are cut. */
  static final int MAX_DETAILS = 2000;

  @Inject AuditRepository entries;
  @Inject Clock clock;

  @Transactional(TxType.MANDATORY)
  public void record(
      Actor actor, AuditAction action, String targetType, Object targetId, String details) {
    entries.append(
        new AuditEntry(
            actor,
            action,
            targetType,
            targetId == null ? null : targetId.toString(),
            clip(details),
            clock.instant()));
  }

  /**
   * Found by bench/fuzz.sh: a long suspend reason overflowed the column and the action failed with
   * a 500.
   */
  static String clip(String details) {
    if (details == null || details.length() <= MAX_DETAILS) {
      return details;
    }
    int end = MAX_DETAILS - 1;
    if (Character.isHighSurrogate(details.charAt(end - 1))) {
      end--;
    }
    return details.substring(0, end) + "\u2026";
  }

  /** The log, newest first. */
  @Transactional
  public Page<AuditEntry> page(PageRequest request) {
    return request.page(entries.newestFirst(request.after(), request.fetchSize()), AuditEntry::id);
  }
}

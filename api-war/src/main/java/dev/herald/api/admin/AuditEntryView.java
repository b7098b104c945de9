package dev.herald.api.admin;

import dev.herald.domain.audit.AuditEntry;
import java.time.Instant;

/** One audit row on the wire. */
public record AuditEntryView(
    long id,
    long actorAccountId,
    String actorSubject,
    String action,
    String targetType,
    String targetId,
    String details,
    String requestId,
    Instant createdAt) {

  static AuditEntryView of(AuditEntry e) {
    return new AuditEntryView(
        e.id(),
        e.actorAccountId(),
        e.actorSubject(),
        e.action().name(),
        e.targetType(),
        e.targetId(),
        e.details(),
        e.requestId(),
        e.createdAt());
  }
}

package dev.herald.domain.audit;

import java.util.List;

/** Where audit entries are appended and read back, newest first. */
public interface AuditRepository {

  void append(AuditEntry entry);

  /** Entries older than {@code beforeId} (all when null), newest first, at most {@code limit}. */
  List<AuditEntry> newestFirst(Long beforeId, int limit);
}

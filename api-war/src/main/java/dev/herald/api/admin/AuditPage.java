package dev.herald.api.admin;

import java.util.List;

/**
 * A page of the audit log, newest first; pass {@code next_before} as {@code before} for the next
 * page.
 */
public record AuditPage(List<AuditEntryView> entries, Long nextBefore) {}

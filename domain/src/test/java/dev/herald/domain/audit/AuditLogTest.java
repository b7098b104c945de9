package dev.herald.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AuditLogTest {

  @Test
  void detailsLongerThanTheColumnAreCutNotRefused() {
    assertNull(AuditLog.clip(null));
    assertEquals("short", AuditLog.clip("short"));
    String cut = AuditLog.clip("x".repeat(10_000));
    assertEquals(AuditLog.MAX_DETAILS, cut.length());
    assertEquals('\u2026', cut.charAt(cut.length() - 1));
    String emoji = AuditLog.clip("x".repeat(AuditLog.MAX_DETAILS - 2) + "\ud83d\ude00".repeat(10));
    assertFalse(Character.isHighSurrogate(emoji.charAt(emoji.length() - 2)));
  }
}

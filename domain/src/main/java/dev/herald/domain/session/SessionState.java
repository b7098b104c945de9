package dev.herald.domain.session;

/** Where a pooled session is in its life. Only {@code UNUSED} sessions can be assigned. */
public enum SessionState {
  PENDING_AUTH,
  UNUSED,
  ASSIGNED,
  COOLING_DOWN,
  BANNED,
  REVOKED
}

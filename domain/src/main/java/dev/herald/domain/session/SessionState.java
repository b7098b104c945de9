package dev.herald.domain.session;

import java.util.Set;

/** Where a pooled session is in its life. Only {@code UNUSED} sessions can be assigned. */
public enum SessionState {
  PENDING_AUTH,
  UNUSED,
  ASSIGNED,
  COOLING_DOWN,
  BANNED,
  REVOKED;

  /**
   * The states of a session that belongs to an account: it is one of the account's senders and
   * takes a slot of its API pair's capacity. SQL twin: {@code SessionSql.inUse}.
   */
  public static final Set<SessionState> IN_USE = Set.of(ASSIGNED, COOLING_DOWN);

  /** See {@link #IN_USE}. */
  public boolean inUse() {
    return IN_USE.contains(this);
  }
}

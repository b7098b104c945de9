package dev.herald.domain.session;

import java.util.Set;

/** Where a pooled session is in its life. Only {@code UNUSED} sessions can be assigned. */
public enum SessionState {
  PENDING_AUTH,
  UNUSED,
  ASSIGNED,
  COOLING_DOWN,
  BANNED,
  REVOKED,
  /**
   * The session cannot post until an admin logs it in again (TDLib waits for a phone number, code
   * or password, or logged out without Telegram saying it is banned). Never a ban: it leaves its
   * account, and a new login through the admin's login endpoints returns it to the pool.
   */
  NEEDS_LOGIN,
  /**
   * The session cannot post from here for now (its client is not open on this node, still starting,
   * or the TDLib library is missing). It stays with its account and takes its slot; the engine
   * lifts it by itself once its short back-off ({@code flood_wait_until}) is over, and parks it
   * again if it still cannot send.
   */
  UNAVAILABLE;

  /**
   * The states of a session that belongs to an account: it is one of the account's senders and
   * takes a slot of its API pair's capacity. SQL twin: {@code SessionSql.inUse}.
   */
  public static final Set<SessionState> IN_USE = Set.of(ASSIGNED, COOLING_DOWN, UNAVAILABLE);

  /**
   * The states in which a session of an account is one of its senders once any wait is over: in use
   * and not parked. The usable-session rule ({@code TelegramSession.usable}) starts here; SQL twin:
   * {@code SessionSql.usableNow}.
   */
  public static final Set<SessionState> SENDING = Set.of(ASSIGNED, COOLING_DOWN);

  /**
   * The states of a session that cannot send for a reason that is not a ban: shown to admins with
   * their reason and counted in {@code herald_sessions_parked}, never confused with {@link #BANNED}
   * or {@link #REVOKED}.
   */
  public static final Set<SessionState> PARKED = Set.of(NEEDS_LOGIN, UNAVAILABLE);

  /** See {@link #IN_USE}. */
  public boolean inUse() {
    return IN_USE.contains(this);
  }
}

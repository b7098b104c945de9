package dev.herald.domain.session;

import dev.herald.domain.shared.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * A pooled Telegram user account that posts for tenants. Its phone is stored masked for display and
 * encrypted for re-login; its TDLib database lives in a folder named after its id.
 */
@Entity
@Table(name = "telegram_session")
public class TelegramSession extends GeneratedIdEntity {

  @Column(name = "api_pair_id", nullable = false)
  private long apiPairId;

  @Column(name = "phone_masked", nullable = false, length = 32)
  private String phoneMasked;

  @Column(name = "phone_encrypted", length = 512)
  private String phoneEncrypted;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private SessionState state;

  @Column(name = "assigned_account_id")
  private Long assignedAccountId;

  @Column(name = "flood_wait_until")
  private Instant floodWaitUntil;

  @Column(name = "ban_reason", length = 200)
  private String banReason;

  /** Why the session is in its state now (a parked state's cause); null when nothing to say. */
  @Column(name = "state_reason", length = 200)
  private String stateReason;

  /** When the session entered its state (set with every state change). */
  @Column(name = "state_since")
  private Instant stateSince;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The proxy this session connects through; it wins over its API pair's. */
  @Embedded private SessionProxy proxy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected TelegramSession() {}

  public TelegramSession(
      long apiPairId, String phoneMasked, String phoneEncrypted, SessionState state, Instant now) {
    this.apiPairId = apiPairId;
    this.phoneMasked = phoneMasked;
    this.phoneEncrypted = phoneEncrypted;
    this.state = state;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public void loginSucceeded(Instant now) {
    changeState(SessionState.UNUSED, null, now);
  }

  /**
   * A new login of a session that had one (it needs one again, or an admin asks): it waits for the
   * login's steps, off any account.
   */
  public void loginRestarted(Instant now) {
    changeState(SessionState.PENDING_AUTH, null, now);
    assignedAccountId = null;
    floodWaitUntil = null;
  }

  /** Banned sessions leave their account for good (SPEC rule 9). */
  public void ban(String reason, Instant now) {
    changeState(SessionState.BANNED, reason, now);
    banReason = reason;
    assignedAccountId = null;
  }

  /** Back to the pool, unassigned, whatever happened before. */
  public void release(Instant now) {
    changeState(SessionState.UNUSED, null, now);
    assignedAccountId = null;
    banReason = null;
    floodWaitUntil = null;
  }

  /** The session connects through {@code proxy} (null: through its API pair's, if any). */
  public void useProxy(SessionProxy proxy, Instant now) {
    this.proxy = proxy;
    updatedAt = now;
  }

  private void changeState(SessionState next, String reason, Instant now) {
    state = next;
    stateReason = reason;
    stateSince = now;
    updatedAt = now;
  }

  /**
   * The state as people see it at {@code now}: a session that waits out a flood wait is {@link
   * SessionState#COOLING_DOWN} until the wait ends. The column keeps {@code ASSIGNED}: the engine
   * reads the wait itself ({@link #usable}), and nothing has to be written back when it ends. The
   * admin's filter by state asks the same ({@code JpaSessionPoolQueries}).
   */
  public SessionState stateAt(Instant now) {
    return state == SessionState.ASSIGNED && floodWaitUntil != null && floodWaitUntil.isAfter(now)
        ? SessionState.COOLING_DOWN
        : state;
  }

  /**
   * The usable-session rule: the session is one of its account's senders and not parked ({@link
   * SessionState#SENDING}: never {@code NEEDS_LOGIN} or {@code UNAVAILABLE}), is not waiting out a
   * flood at {@code now}, and has not used its warm-up budget for the hour ({@code
   * warmupPausedUntil}, {@link SessionWarmup}; null when not paused). SQL twin: {@code
   * SessionSql.usableNow}, which the engine's claim uses to pick a cycle's senders.
   */
  public static boolean usable(
      SessionState state, Instant floodWaitUntil, Instant warmupPausedUntil, Instant now) {
    return SessionState.SENDING.contains(state)
        && (floodWaitUntil == null || !floodWaitUntil.isAfter(now))
        && (warmupPausedUntil == null || !warmupPausedUntil.isAfter(now));
  }

  /**
   * {@link #usable} without the warm-up pause, which lives apart from the session ({@link
   * SessionWarmups}): what a tenant's view of its senders can tell from the session alone.
   */
  public boolean usableAt(Instant now) {
    return usable(state, floodWaitUntil, null, now);
  }

  public long apiPairId() {
    return apiPairId;
  }

  public String phoneMasked() {
    return phoneMasked;
  }

  public Optional<String> phoneEncrypted() {
    return Optional.ofNullable(phoneEncrypted);
  }

  public SessionState state() {
    return state;
  }

  public Optional<Long> assignedAccountId() {
    return Optional.ofNullable(assignedAccountId);
  }

  public Optional<Instant> floodWaitUntil() {
    return Optional.ofNullable(floodWaitUntil);
  }

  public Optional<String> banReason() {
    return Optional.ofNullable(banReason);
  }

  public Optional<String> stateReason() {
    return Optional.ofNullable(stateReason);
  }

  public Optional<Instant> stateSince() {
    return Optional.ofNullable(stateSince);
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The session's own proxy; see {@link SessionProxies} for the one it connects through. */
  public Optional<SessionProxy> proxy() {
    return SessionProxy.present(proxy);
  }
}

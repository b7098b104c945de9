package dev.herald.domain.userbot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's own Bot API bot (one per account; its id is the account's id). The token is stored
 * only encrypted ({@code DataCipher}) and shown only masked. A token change makes the bot
 * unverified again; an admin suspension survives a token change and a verification.
 */
@Entity
@Table(name = "user_bot")
public class UserBot {

  public static final int DEFAULT_RATE_LIMIT_RPS = 1;
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 1;

  @Id
  @Column(name = "account_id")
  private Long accountId;

  @Column(name = "token_encrypted", nullable = false, length = 1024)
  private String tokenEncrypted;

  @Column(name = "token_masked", nullable = false, length = 40)
  private String tokenMasked;

  @Column(name = "bot_id")
  private Long botId;

  @Column(length = 64)
  private String username;

  @Column(nullable = false)
  private boolean verified;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private UserBotStatus status;

  @Column(name = "suspension_reason", length = 500)
  private String suspensionReason;

  @Column(name = "rate_limit_rps", nullable = false)
  private int rateLimitRps;

  @Column(name = "max_concurrent_requests", nullable = false)
  private int maxConcurrentRequests;

  @Column(name = "total_requests", nullable = false)
  private long totalRequests;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** The transport the token was verified on (V50); null for verifications made before V50. */
  @Column(name = "verified_transport", length = 16)
  private String verifiedTransport;

  @Column(name = "verified_at")
  private Instant verifiedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Version private long version;

  protected UserBot() {}

  public UserBot(long accountId, String tokenEncrypted, String tokenMasked, Instant now) {
    this.accountId = accountId;
    this.status = UserBotStatus.PENDING;
    this.rateLimitRps = DEFAULT_RATE_LIMIT_RPS;
    this.maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    this.createdAt = now;
    replaceToken(tokenEncrypted, tokenMasked, now);
  }

  public void replaceToken(String encrypted, String masked, Instant now) {
    tokenEncrypted = encrypted;
    tokenMasked = masked;
    verified = false;
    botId = null;
    username = null;
    verifiedAt = null;
    verifiedTransport = null;
    if (status != UserBotStatus.SUSPENDED) {
      status = UserBotStatus.PENDING;
    }
    updatedAt = now;
  }

  /** Verified on {@code transport}: usable while user bots post through that transport. */
  public void markVerified(long botId, String username, String transport, Instant now) {
    this.botId = botId;
    this.username = username;
    this.verified = true;
    this.verifiedAt = now;
    this.verifiedTransport = transport;
    if (status != UserBotStatus.SUSPENDED) {
      status = UserBotStatus.ACTIVE;
    }
    updatedAt = now;
  }

  public void suspend(String reason, Instant now) {
    status = UserBotStatus.SUSPENDED;
    suspensionReason = reason;
    updatedAt = now;
  }

  /** Lifts a suspension: ACTIVE when verified, else PENDING. */
  public void activate(Instant now) {
    status = verified ? UserBotStatus.ACTIVE : UserBotStatus.PENDING;
    suspensionReason = null;
    updatedAt = now;
  }

  public void setRateLimits(int rps, int maxConcurrent, Instant now) {
    rateLimitRps = rps;
    maxConcurrentRequests = maxConcurrent;
    updatedAt = now;
  }

  /**
   * Whether it may post the tenant's cycles when user bots post through {@code transport}: verified
   * on that very transport and not suspended. A verification in the sandbox proves nothing about
   * the real Bot API (and the reverse), so after the transport changes the bot must be verified
   * again. SQL twin: {@code LeaseSql.userBotUsable}.
   */
  public boolean usableOn(String transport) {
    return usableOn(verified, verifiedTransport, status, transport);
  }

  /** {@link #usableOn(String)} over a user bot row's columns (the one-statement state read). */
  public static boolean usableOn(
      boolean verified, String verifiedTransport, UserBotStatus status, String transport) {
    return verifiedOn(verified, verifiedTransport, transport) && status == UserBotStatus.ACTIVE;
  }

  /** Verified, and on {@code transport}: else the tenant must verify it (again). */
  public boolean verifiedOn(String transport) {
    return verifiedOn(verified, verifiedTransport, transport);
  }

  private static boolean verifiedOn(boolean verified, String verifiedTransport, String transport) {
    return verified && transport.equals(verifiedTransport);
  }

  public Optional<String> verifiedTransport() {
    return Optional.ofNullable(verifiedTransport);
  }

  public long accountId() {
    return accountId;
  }

  public String tokenEncrypted() {
    return tokenEncrypted;
  }

  public String tokenMasked() {
    return tokenMasked;
  }

  public Optional<Long> botId() {
    return Optional.ofNullable(botId);
  }

  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  public boolean verified() {
    return verified;
  }

  public UserBotStatus status() {
    return status;
  }

  public Optional<String> suspensionReason() {
    return Optional.ofNullable(suspensionReason);
  }

  public int rateLimitRps() {
    return rateLimitRps;
  }

  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  public long totalRequests() {
    return totalRequests;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Optional<Instant> verifiedAt() {
    return Optional.ofNullable(verifiedAt);
  }

  public Optional<Instant> lastUsedAt() {
    return Optional.ofNullable(lastUsedAt);
  }
}

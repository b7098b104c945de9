package dev.herald.domain.session;

import dev.herald.domain.shared.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A Telegram application's {@code api_id} and {@code api_hash} (the hash encrypted at rest), and
 * how many sessions may be in use through it at once.
 */
@Entity
@Table(name = "api_pair")
public class ApiPair extends GeneratedIdEntity {

  /** Telegram flags applications with many simultaneous sessions; 7 is the seeds' safe number. */
  public static final int DEFAULT_CAPACITY = 7;

  @Column(name = "api_id", nullable = false, unique = true)
  private int apiId;

  @Column(name = "api_hash_encrypted", nullable = false, length = 512)
  private String apiHashEncrypted;

  @Column(nullable = false)
  private int capacity;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The proxy the pair's sessions connect through unless a session has its own. */
  @Embedded private SessionProxy proxy;

  protected ApiPair() {}

  public ApiPair(int apiId, String apiHashEncrypted, int capacity, Instant createdAt) {
    this.apiId = apiId;
    this.apiHashEncrypted = apiHashEncrypted;
    this.capacity = capacity;
    this.createdAt = createdAt;
  }

  public int apiId() {
    return apiId;
  }

  public String apiHashEncrypted() {
    return apiHashEncrypted;
  }

  public int capacity() {
    return capacity;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<SessionProxy> proxy() {
    return SessionProxy.present(proxy);
  }

  /** The pair's sessions connect through {@code proxy} (null: directly, or through their own). */
  public void useProxy(SessionProxy proxy) {
    this.proxy = proxy;
  }
}

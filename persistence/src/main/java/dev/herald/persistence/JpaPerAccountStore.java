package dev.herald.persistence;

import java.util.Optional;

/**
 * A JPA store of an entity whose primary key is its account's id (one row per account, like a bot
 * or a user bot): it finds the row by that id.
 */
public abstract class JpaPerAccountStore<T> extends JpaStore {

  private final Class<T> type;

  protected JpaPerAccountStore(Class<T> type) {
    this.type = type;
  }

  /** The account's entity, if it has one. */
  public Optional<T> findByAccountId(long accountId) {
    return find(type, accountId);
  }
}

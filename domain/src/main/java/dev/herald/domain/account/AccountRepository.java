package dev.herald.domain.account;

import java.util.List;
import java.util.Optional;

/** Where accounts live. */
public interface AccountRepository {

  Optional<Account> findById(long id);

  Optional<Account> findBySubject(String subject);

  Optional<Account> findByEmail(String email);

  /** Up to {@code limit} accounts by id, after {@code afterId} (null: from the first). */
  List<Account> byId(Long afterId, int limit);

  /** Stores a new account, or returns the managed copy of an existing one. */
  Account save(Account account);

  /**
   * Inserts the account unless one with its subject exists, safely under concurrent first contacts,
   * and returns the stored one.
   */
  Account createIfAbsent(Account account);
}

package dev.herald.domain.account;

import java.util.Optional;

/** Where accounts live. */
public interface AccountRepository {

  Optional<Account> findById(long id);

  Optional<Account> findBySubject(String subject);

  Optional<Account> findByEmail(String email);

  /** Stores a new account, or returns the managed copy of an existing one. */
  Account save(Account account);

  /**
   * Inserts the account unless one with its subject exists, safely under concurrent first contacts,
   * and returns the stored one.
   */
  Account createIfAbsent(Account account);
}

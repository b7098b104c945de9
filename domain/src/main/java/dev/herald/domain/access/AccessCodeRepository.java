package dev.herald.domain.access;

import java.util.Optional;

/** Where access codes live, found by the hash of the code. */
public interface AccessCodeRepository {

  AccessCode save(AccessCode code);

  /**
   * The code with this hash, locked for update so two first redemptions cannot both create an
   * account.
   */
  Optional<AccessCode> findByHashForUpdate(String codeHash);
}

package dev.herald.persistence.access;

import dev.herald.domain.access.AccessCode;
import dev.herald.domain.access.AccessCodeRepository;
import dev.herald.persistence.JpaStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/** Access codes through JPA, looked up by the hash of the code. */
@ApplicationScoped
public class JpaAccessCodeRepository extends JpaStore implements AccessCodeRepository {

  @Override
  public AccessCode save(AccessCode code) {
    return insert(code);
  }

  @Override
  public Optional<AccessCode> findByHashForUpdate(String codeHash) {
    return first(
        whereEquals(AccessCode.class, "codeHash", codeHash)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE));
  }
}

package dev.herald.persistence.access;

import dev.herald.domain.access.AccessCode;
import dev.herald.domain.access.AccessCodeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Access codes through JPA, looked up by the hash of the code. */
@ApplicationScoped
public class JpaAccessCodeRepository implements AccessCodeRepository {

  @PersistenceContext(unitName = "herald")
  EntityManager em;

  @Override
  public AccessCode save(AccessCode code) {
    em.persist(code);
    em.flush();
    return code;
  }

  @Override
  public Optional<AccessCode> findByHashForUpdate(String codeHash) {
    return em.createQuery("SELECT c FROM AccessCode c WHERE c.codeHash = :hash", AccessCode.class)
        .setParameter("hash", codeHash)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }
}

package dev.herald.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Optional;

/** What the JPA repositories share: the unit's entity manager and its few common moves. */
public abstract class JpaStore {

  @PersistenceContext(unitName = "herald")
  protected EntityManager em;

  /** The entity with this primary key, if there is one. */
  protected <T> Optional<T> find(Class<T> type, Object id) {
    return Optional.ofNullable(em.find(type, id));
  }

  /**
   * The entities of {@code type} whose {@code attribute} equals {@code value} (the entity name is
   * the class's simple name, JPA's default; the attribute is a constant of the caller, never
   * input).
   */
  protected <T> TypedQuery<T> whereEquals(Class<T> type, String attribute, Object value) {
    return em.createQuery(
            "SELECT e FROM " + type.getSimpleName() + " e WHERE e." + attribute + " = :value", type)
        .setParameter("value", value);
  }

  /** The query's first result, if any. */
  protected static <T> Optional<T> first(TypedQuery<T> query) {
    return query.getResultStream().findFirst();
  }

  /** Inserts now (flushes), so the generated id is set and a constraint fails here, not later. */
  protected <T> T insert(T entity) {
    em.persist(entity);
    em.flush();
    return entity;
  }

  /** A new entity (no id yet) is inserted, a known one merged. */
  protected <T> T insertOrMerge(T entity, boolean isNew) {
    return isNew ? insert(entity) : em.merge(entity);
  }

  /** Removes the entity, attaching a detached one first. */
  protected void remove(Object entity) {
    em.remove(em.contains(entity) ? entity : em.merge(entity));
  }
}

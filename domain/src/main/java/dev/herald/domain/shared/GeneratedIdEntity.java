package dev.herald.domain.shared;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * An entity whose id PostgreSQL generates ({@code GENERATED ... AS IDENTITY}): null until the
 * entity is first inserted.
 */
@MappedSuperclass
public abstract class GeneratedIdEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The database's id; null before the first insert. */
  public Long id() {
    return id;
  }
}

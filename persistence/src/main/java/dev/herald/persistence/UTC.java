package dev.herald.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as the {@code TIMESTAMPTZ} values the PostgreSQL driver binds natively. */
public final class UTC {

  private UTC() {}

  public static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}

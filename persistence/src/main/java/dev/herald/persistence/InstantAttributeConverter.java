package dev.herald.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Stores {@link Instant}s in {@code TIMESTAMPTZ} columns. Liberty's EclipseLink binds a bare
 * Instant as bytes; an {@link OffsetDateTime} in UTC is bound as a timestamp by the driver.
 */
@Converter(autoApply = true)
public class InstantAttributeConverter implements AttributeConverter<Instant, OffsetDateTime> {

  @Override
  public OffsetDateTime convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : UTC.at(instant);
  }

  @Override
  public Instant convertToEntityAttribute(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}

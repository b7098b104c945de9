package dev.herald.persistence.delivery;

import dev.herald.domain.delivery.DeliveryAttempt;
import dev.herald.domain.delivery.DeliveryHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Keyset paging by the record's id, newest first, always filtered by the account. A native query:
 * the delivery record is the engine's (written in plain JDBC) and has no entity. No index of its
 * own: the unique key's prefix (account) finds the account's rows, which retention keeps few, and
 * every index more would slow the engine's hottest insert.
 */
@ApplicationScoped
public class JpaDeliveryHistory implements DeliveryHistory {

  private static final String PAGE =
      """
      SELECT id, cycle_id, chat_ref, sender_kind, sender_id, outcome, telegram_message_id, error,
             started_at, finished_at
        FROM delivery_record
       WHERE account_id = ? AND id < ?
       ORDER BY id DESC
       LIMIT ?
      """;

  @PersistenceContext(unitName = "herald")
  EntityManager em;

  @Override
  public List<DeliveryAttempt> page(long accountId, Long beforeId, int limit) {
    List<?> rows =
        em.createNativeQuery(PAGE)
            .setParameter(1, accountId)
            .setParameter(2, beforeId == null ? Long.MAX_VALUE : beforeId)
            .setParameter(3, limit)
            .getResultList();
    return rows.stream().map(row -> attempt((Object[]) row)).toList();
  }

  private static DeliveryAttempt attempt(Object[] r) {
    return new DeliveryAttempt(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        (String) r[2],
        (String) r[3],
        ((Number) r[4]).longValue(),
        (String) r[5],
        r[6] == null ? null : ((Number) r[6]).longValue(),
        (String) r[7],
        instant(r[8]),
        instant(r[9]));
  }

  /** TIMESTAMPTZ as the driver hands it through JPA: a Timestamp, or an OffsetDateTime. */
  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
  }
}

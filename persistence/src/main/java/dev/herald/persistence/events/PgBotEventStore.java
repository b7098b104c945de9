package dev.herald.persistence.events;

import dev.herald.domain.delivery.DeliveryAttempt;
import dev.herald.domain.events.ActivityEvent;
import dev.herald.domain.events.BotEventStore;
import dev.herald.domain.events.DeliveryEvent;
import dev.herald.domain.events.EventCursor;
import dev.herald.domain.events.StoredEvents;
import dev.herald.persistence.DirectPoolStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link BotEventStore} in plain JDBC on the non-transactional pool. A row is handed out only when
 * it is settled (V35) and every row before it in its account's order was: the rest waits for the
 * next read, so a cursor never moves past a row that is still to commit.
 */
@ApplicationScoped
public class PgBotEventStore extends DirectPoolStore implements BotEventStore {

  @Override
  public StoredEvents after(Map<Long, EventCursor> cursors, int limit) {
    if (cursors.isEmpty()) {
      return new StoredEvents(List.of(), List.of(), Set.of());
    }
    Long[] accounts = cursors.keySet().toArray(Long[]::new);
    Long[] activityAfter = new Long[accounts.length];
    Long[] deliveryAfter = new Long[accounts.length];
    for (int i = 0; i < accounts.length; i++) {
      activityAfter[i] = cursors.get(accounts[i]).activityId();
      deliveryAfter[i] = cursors.get(accounts[i]).deliverySeq();
    }
    List<ActivityEvent> activities = new ArrayList<>();
    List<DeliveryEvent> deliveries = new ArrayList<>();
    Set<Long> heldBack = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(EventSql.AFTER)) {
      s.setArray(1, c.createArrayOf("bigint", accounts));
      s.setArray(2, c.createArrayOf("bigint", activityAfter));
      s.setInt(3, limit);
      s.setArray(4, c.createArrayOf("bigint", accounts));
      s.setArray(5, c.createArrayOf("bigint", deliveryAfter));
      s.setInt(6, limit);
      Set<String> stopped = new HashSet<>(); // (kind, account) pairs past an unsettled row
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long account = rs.getLong("account_id");
          String kind = rs.getString("kind");
          if (stopped.contains(kind + account)) {
            continue;
          }
          if (!rs.getBoolean("settled")) {
            stopped.add(kind + account);
            heldBack.add(account);
          } else if (kind.equals("log")) {
            activities.add(activity(rs, account));
          } else {
            deliveries.add(delivery(rs, account));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("read new events: " + e.getMessage(), e);
    }
    return new StoredEvents(activities, deliveries, heldBack);
  }

  @Override
  public Map<Long, EventCursor> latest(Collection<Long> accounts) {
    Map<Long, EventCursor> latest = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(EventSql.LATEST)) {
      s.setArray(1, c.createArrayOf("bigint", accounts.toArray(Long[]::new)));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          latest.put(rs.getLong(1), new EventCursor(rs.getLong(2), rs.getLong(3)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("read event cursors: " + e.getMessage(), e);
    }
    return latest;
  }

  private static ActivityEvent activity(ResultSet rs, long account) throws SQLException {
    return new ActivityEvent(
        account,
        rs.getLong("id"),
        rs.getString("event"),
        rs.getString("reason_code"),
        rs.getString("message"),
        instant(rs, "created_at"));
  }

  /** The delivery branch of {@link EventSql#AFTER} puts the chat in "message", start in "at". */
  private static DeliveryEvent delivery(ResultSet rs, long account) throws SQLException {
    return new DeliveryEvent(
        account,
        rs.getLong("id"),
        new DeliveryAttempt(
            rs.getLong("delivery_id"),
            rs.getLong("cycle_id"),
            rs.getString("message"),
            rs.getString("sender_kind"),
            rs.getLong("sender_id"),
            rs.getString("outcome"),
            rs.getObject("telegram_message_id", Long.class),
            rs.getString("error"),
            instant(rs, "created_at"),
            instant(rs, "finished_at")));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}

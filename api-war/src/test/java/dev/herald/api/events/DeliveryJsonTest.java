package dev.herald.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.api.web.JsonbConfigResolver;
import dev.herald.domain.delivery.DeliveryAttempt;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One attempt, two JSON shapes: the list names the attempt {@code id}, the event {@code
 * delivery_id}.
 */
class DeliveryJsonTest {

  private static final Set<String> ATTEMPT =
      Set.of(
          "cycle_id",
          "chat",
          "sender_kind",
          "sender_id",
          "outcome",
          "telegram_message_id",
          "started_at",
          "finished_at");

  private final Jsonb jsonb = new JsonbConfigResolver().getContext(Object.class);
  private final DeliveryAttempt delivered =
      new DeliveryAttempt(
          7,
          3,
          "@herald_chat",
          "SESSION",
          11,
          "DELIVERED",
          99L,
          null,
          Instant.parse("2026-01-05T10:00:00Z"),
          Instant.parse("2026-01-05T10:00:01Z"));

  private JsonObject json(DeliveryAttempt view) {
    return Json.createReader(new StringReader(jsonb.toJson(view))).readObject();
  }

  @Test
  void anItemOfTheDeliveriesListNamesTheAttemptId() {
    JsonObject item = json(delivered);
    assertEquals(union(ATTEMPT, "id"), item.keySet());
    assertEquals(7, item.getJsonNumber("id").longValue());
  }

  @Test
  void theDataOfADeliveryEventNamesItDeliveryId() {
    JsonObject data = BotEventMessages.deliveryData(jsonb, delivered);
    assertEquals(union(ATTEMPT, "delivery_id"), data.keySet());
    assertEquals(7, data.getJsonNumber("delivery_id").longValue());
    assertEquals(3, data.getJsonNumber("cycle_id").longValue());
    assertEquals("2026-01-05T10:00:01Z", data.getString("finished_at"));
  }

  private static Set<String> union(Set<String> keys, String id) {
    Set<String> all = new HashSet<>(keys);
    all.add(id);
    return all;
  }
}

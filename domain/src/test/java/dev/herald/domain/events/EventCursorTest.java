package dev.herald.domain.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCursorTest {

  @Test
  void anEncodedCursorParsesBackToItself() {
    EventCursor cursor = new EventCursor(1234, 56);
    assertEquals(cursor, EventCursor.parse(cursor.encode()));
  }

  @Test
  void eachPartOnlyGrows() {
    EventCursor cursor = new EventCursor(10, 20);
    assertEquals(new EventCursor(10, 20), cursor.afterActivity(9).afterDelivery(19));
    assertEquals(new EventCursor(11, 21), cursor.afterActivity(11).afterDelivery(21));
  }

  @Test
  void minCoversBothCursors() {
    assertEquals(new EventCursor(3, 4), new EventCursor(3, 9).min(new EventCursor(7, 4)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "12", "1-", "-1-2", "1-2-3", "1.2", "1234567890123456789-1"})
  void aMalformedLastEventIdIsBadInputNamingTheHeader(String id) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> EventCursor.parse(id));
    assertEquals("Last-Event-ID", e.errors().get(0).field());
  }
}

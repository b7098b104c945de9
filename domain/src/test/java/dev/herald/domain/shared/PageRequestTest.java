package dev.herald.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void absentCursorAndLimitAreTheFirstPageOfTheDefaultSize() {
    PageRequest request = PageRequest.parse(null, null);
    assertNull(request.after());
    assertEquals(PageRequest.DEFAULT_LIMIT, request.limit());
    assertEquals(PageRequest.DEFAULT_LIMIT + 1, request.fetchSize());
  }

  @Test
  void theNextCursorNamesTheLastKeyOfThePageAndReadsBackAsIt() {
    PageRequest request = PageRequest.parse(null, "2");
    Page<Long> page = request.page(List.of(9L, 7L, 5L), Long::longValue);
    assertEquals(List.of(9L, 7L), page.items());
    assertEquals(7L, PageRequest.parse(page.nextCursor(), "2").after());
  }

  @Test
  void theLastPageHasNoNextCursor() {
    PageRequest request = PageRequest.parse(null, "3");
    Page<Long> page = request.page(LongStream.of(3, 2, 1).boxed().toList(), Long::longValue);
    assertEquals(3, page.items().size());
    assertNull(page.nextCursor());
  }

  @Test
  void aBadCursorIsInvalidInputNamingTheCursor() {
    for (String bad : List.of("abc!", "7", "LTE", PageRequest.encode(1) + "=x", "////")) {
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> PageRequest.parse(bad, null), bad);
      assertEquals("cursor", e.errors().get(0).field(), bad);
    }
  }

  @Test
  void aLimitOutsideOneToTheMaximumIsInvalidInputNamingTheLimit() {
    for (String bad : List.of("0", "201", "-1", "ten", "1.5", "99999")) {
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> PageRequest.parse(null, bad), bad);
      assertEquals("limit", e.errors().get(0).field(), bad);
    }
    assertEquals(200, PageRequest.parse(null, "200").limit());
  }
}

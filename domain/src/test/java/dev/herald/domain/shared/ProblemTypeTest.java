package dev.herald.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {

  @Test
  void everySlugIsUniqueAndNamesItsUri() {
    Set<String> slugs = new HashSet<>();
    for (ProblemType type : ProblemType.values()) {
      assertTrue(slugs.add(type.slug()), "two problem types share " + type.slug());
      assertTrue(type.slug().matches("[a-z]+(-[a-z]+)*"), type.slug());
      assertEquals("https://herald.dev/problems/" + type.slug(), type.uri());
      assertTrue(type.status() >= 400 && type.status() < 600, type::toString);
    }
  }

  @Test
  void aBareStatusGetsTheGenericProblemOfThatStatus() {
    for (int status : new int[] {401, 403, 404, 405, 406, 413, 415, 429, 503}) {
      assertEquals(status, ProblemType.forStatus(status).status());
    }
    assertEquals(ProblemType.NOT_FOUND, ProblemType.forStatus(404));
    assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(409));
    assertEquals(ProblemType.INTERNAL_ERROR, ProblemType.forStatus(502));
  }

  @Test
  void domainExceptionsAnswerWithTheirCataloguedStatus() {
    assertEquals(400, InvalidInputException.of("x", "y").type().status());
    assertEquals(404, new NotFoundException("gone").type().status());
    assertEquals(401, new AuthenticationException().type().status());
    assertEquals(429, new RateLimitedException("api", 1, 1).type().status());
    assertTrue(Arrays.stream(ProblemType.values()).anyMatch(t -> t.status() == 422));
  }
}

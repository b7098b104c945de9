package dev.herald.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Warm-up budgets by age day, and the usable-session rule's warm-up pause. */
class SessionWarmupTest {

  private static final Instant ADDED = Instant.parse("2026-03-01T10:30:00Z");
  private static final List<Integer> BUDGETS = List.of(5, 10, 20, 40);

  @Test
  void theBudgetFollowsTheSessionsAgeDayThenEnds() {
    assertEquals(OptionalInt.of(5), SessionWarmup.budget(BUDGETS, ADDED, ADDED));
    assertEquals(OptionalInt.of(5), SessionWarmup.budget(BUDGETS, ADDED, at("PT23H59M")));
    assertEquals(OptionalInt.of(10), SessionWarmup.budget(BUDGETS, ADDED, at("PT24H")));
    assertEquals(OptionalInt.of(40), SessionWarmup.budget(BUDGETS, ADDED, at("P3DT23H")));
    assertEquals(OptionalInt.empty(), SessionWarmup.budget(BUDGETS, ADDED, at("P4D")));
    assertEquals(5, SessionWarmup.ageDay(ADDED, at("P4D")));
  }

  @Test
  void theSettingIsPostsPerHourByDayAndBlankIsOff() {
    assertEquals(BUDGETS, SessionWarmup.parse(" 5, 10,20 ,40").postsPerHour());
    assertFalse(SessionWarmup.parse("").enabled());
    assertFalse(SessionWarmup.parse(null).enabled());
    assertThrows(IllegalArgumentException.class, () -> SessionWarmup.parse("5,ten"));
    assertThrows(IllegalArgumentException.class, () -> SessionWarmup.parse("5,0"));
  }

  @Test
  void theHoursPostsCountOnlyWithinThatHour() {
    Instant hour = Instant.parse("2026-03-01T11:00:00Z");
    SessionWarmup.Use use =
        new SessionWarmup.Use(1, ADDED, BUDGETS, Optional.of(hour), 3, Optional.empty());
    assertEquals(3, use.postsThisHour(hour.plusSeconds(3599)));
    assertEquals(0, use.postsThisHour(hour.plusSeconds(3600)), "a new hour starts at 0");
  }

  @Test
  void thePostsLeftAreTheDaysBudgetLessTheHoursPostsUntilWarmUpEnds() {
    Instant hour = Instant.parse("2026-03-01T11:00:00Z");
    SessionWarmup.Use use =
        new SessionWarmup.Use(1, ADDED, BUDGETS, Optional.of(hour), 3, Optional.empty());
    assertEquals(OptionalInt.of(2), use.postsLeft(hour.plusSeconds(60)));
    assertEquals(OptionalInt.of(5), use.postsLeft(hour.plusSeconds(3600)), "a new hour");
    SessionWarmup.Use over =
        new SessionWarmup.Use(1, ADDED, BUDGETS, Optional.of(hour), 7, Optional.empty());
    assertEquals(OptionalInt.of(0), over.postsLeft(hour.plusSeconds(60)), "never below 0");
    assertEquals(OptionalInt.empty(), use.postsLeft(at("P4D")), "warm-up is over");
  }

  @Test
  void aSessionPausedByItsWarmUpIsNotUsableUntilThePauseEnds() {
    Instant now = Instant.parse("2026-03-01T11:20:00Z");
    Instant nextHour = Instant.parse("2026-03-01T12:00:00Z");
    assertFalse(TelegramSession.usable(SessionState.ASSIGNED, null, nextHour, now));
    assertTrue(TelegramSession.usable(SessionState.ASSIGNED, null, nextHour, nextHour));
    assertTrue(TelegramSession.usable(SessionState.ASSIGNED, null, null, now));
  }

  private static Instant at(String sinceAdded) {
    return ADDED.plus(Duration.parse(sinceAdded));
  }
}

package dev.herald.domain.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DailyCapTest {

  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

  @Test
  void theDailyCapCountsOnlyTheTenantsCurrentDay() {
    assertEquals(3, new DailyCap(10, MONDAY, 7).postsLeft(MONDAY));
    assertEquals(0, new DailyCap(10, MONDAY, 12).postsLeft(MONDAY));
    assertEquals(10, new DailyCap(10, MONDAY.minusDays(1), 10).postsLeft(MONDAY));
    assertEquals(10, new DailyCap(10, null, 0).postsLeft(MONDAY));
  }

  @Test
  void postsNoCompletionCountedCountOnAnyDay() {
    assertEquals(1, new DailyCap(10, MONDAY, 7, 2).postsLeft(MONDAY));
    assertEquals(8, new DailyCap(10, MONDAY.minusDays(1), 10, 2).postsLeft(MONDAY));
    assertEquals(0, new DailyCap(10, MONDAY, 9, 2).postsLeft(MONDAY));
    assertEquals(
        Integer.MAX_VALUE - 3, new DailyCap(Integer.MAX_VALUE, null, 0, 3).postsLeft(MONDAY));
  }

  @Test
  void theTenantsDayIsTheirLocalDate() {
    Instant lateUtc = Instant.parse("2026-11-30T23:30:00Z");
    assertEquals(MONDAY, DailyCap.day(lateUtc, ZoneId.of("UTC")));
    assertEquals(MONDAY.plusDays(1), DailyCap.day(lateUtc, ZoneId.of("Europe/Berlin")));
    assertEquals(MONDAY, DailyCap.day(lateUtc, ZoneId.of("America/New_York")));
  }

  @Test
  void theNextDayBeginsAtLocalMidnightAcrossDstChanges() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    // Saturday 2026-03-28 in winter time: Sunday begins at 23:00 UTC.
    assertEquals(
        Instant.parse("2026-03-28T23:00:00Z"),
        DailyCap.nextDayStart(Instant.parse("2026-03-28T12:00:00Z"), berlin));
    // Sunday 2026-03-29 after the change: Monday begins at 22:00 UTC.
    assertEquals(
        Instant.parse("2026-03-29T22:00:00Z"),
        DailyCap.nextDayStart(Instant.parse("2026-03-29T12:00:00Z"), berlin));
    // Santiago's clocks jump from 24:00 to 01:00 on 2026-09-06: the day begins at the gap's end.
    ZoneId santiago = ZoneId.of("America/Santiago");
    assertEquals(
        Instant.parse("2026-09-06T04:00:00Z"),
        DailyCap.nextDayStart(Instant.parse("2026-09-05T12:00:00Z"), santiago));
  }
}

package dev.herald.domain.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActiveHoursTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ActiveHours WEEKDAYS = ActiveHours.parse("Mon-Fri 09:00-21:00");

  @Test
  void aBotPostsOnlyInsideTheWindowsOfTheLocalWeekday() {
    // Friday 2026-11-27, Berlin is UTC+1.
    assertFalse(WEEKDAYS.contains(Instant.parse("2026-11-27T07:59:59Z"), BERLIN));
    assertTrue(WEEKDAYS.contains(Instant.parse("2026-11-27T08:00:00Z"), BERLIN));
    assertTrue(WEEKDAYS.contains(Instant.parse("2026-11-27T19:59:59Z"), BERLIN));
    assertFalse(WEEKDAYS.contains(Instant.parse("2026-11-27T20:00:00Z"), BERLIN));
    // Saturday noon.
    assertFalse(WEEKDAYS.contains(Instant.parse("2026-11-28T11:00:00Z"), BERLIN));
    assertTrue(ActiveHours.ALWAYS.contains(Instant.parse("2026-11-28T11:00:00Z"), BERLIN));
  }

  @Test
  void outsideActiveHoursTheNextRunMovesToTheNextWindowStart() {
    // Friday 21:30 Berlin → Monday 09:00 Berlin.
    assertEquals(
        Instant.parse("2026-11-30T08:00:00Z"),
        WEEKDAYS.nextAllowed(Instant.parse("2026-11-27T20:30:00Z"), BERLIN));
    Instant inside = Instant.parse("2026-11-27T10:00:00Z");
    assertEquals(inside, WEEKDAYS.nextAllowed(inside, BERLIN));
  }

  @Test
  void theNextWindowIsFoundAcrossASpringForwardChange() {
    // Saturday 2026-03-28 22:00 Berlin (UTC+1); Sunday the clocks go 02:00 → 03:00; the next
    // window is Monday 09:00 at UTC+2, i.e. 07:00 UTC, not 08:00.
    assertEquals(
        Instant.parse("2026-03-30T07:00:00Z"),
        WEEKDAYS.nextAllowed(Instant.parse("2026-03-28T21:00:00Z"), BERLIN));
  }

  @Test
  void theNextWindowIsFoundAcrossAFallBackChange() {
    // Saturday 2026-10-24 (UTC+2); Sunday 03:00 → 02:00; Monday 09:00 is at UTC+1 = 08:00 UTC.
    assertEquals(
        Instant.parse("2026-10-26T08:00:00Z"),
        WEEKDAYS.nextAllowed(Instant.parse("2026-10-24T20:00:00Z"), BERLIN));
  }

  @Test
  void aWindowStartingInASpringForwardGapBeginsWhenTheGapEnds() {
    ActiveHours night = ActiveHours.parse("Sun 02:30-04:00");
    // 2026-03-29 02:00-03:00 does not exist in Berlin; 03:00 CEST = 01:00 UTC.
    Instant before = Instant.parse("2026-03-29T00:30:00Z"); // 01:30 CET
    assertEquals(Instant.parse("2026-03-29T01:00:00Z"), night.nextAllowed(before, BERLIN));
    assertFalse(night.contains(Instant.parse("2026-03-29T00:59:59Z"), BERLIN));
    assertTrue(night.contains(Instant.parse("2026-03-29T01:00:00Z"), BERLIN));
    assertFalse(night.contains(Instant.parse("2026-03-29T02:00:00Z"), BERLIN)); // 04:00 CEST
  }

  @Test
  void aWindowInAFallBackOverlapRunsOnTheFirstOccurrenceOfItsTimes() {
    ActiveHours repeated = ActiveHours.parse("Sun 02:00-02:30");
    // 2026-10-25 02:00-03:00 Berlin happens twice: 00:00-01:00 UTC (CEST), 01:00-02:00 UTC (CET).
    assertTrue(repeated.contains(Instant.parse("2026-10-25T00:10:00Z"), BERLIN));
    assertFalse(repeated.contains(Instant.parse("2026-10-25T00:40:00Z"), BERLIN));
    assertFalse(repeated.contains(Instant.parse("2026-10-25T01:10:00Z"), BERLIN));
    ActiveHours wide = ActiveHours.parse("Sun 01:00-04:00");
    assertTrue(wide.contains(Instant.parse("2026-10-25T00:40:00Z"), BERLIN));
    assertTrue(wide.contains(Instant.parse("2026-10-25T01:40:00Z"), BERLIN));
    // 01:00 CEST to 04:00 CET is four hours of instants.
    assertEquals(
        Optional.of(
            new ActiveHours.Window(
                Instant.parse("2026-10-24T23:00:00Z"), Instant.parse("2026-10-25T03:00:00Z"))),
        wide.windowAt(Instant.parse("2026-10-25T01:40:00Z"), BERLIN));
  }

  @Test
  void theWireFormIsNormalised() {
    ActiveHours hours = ActiveHours.parse(" sat 10:00-14:00 ;Mon,wed 08:00-12:00; Mon 11:00-24:00");
    assertEquals("Mon 08:00-24:00; Wed 08:00-12:00; Sat 10:00-14:00", hours.canonical());
    assertEquals(hours, ActiveHours.parse(hours.canonical()));
    assertEquals(
        "Mon 09:00-10:00; Fri 09:00-10:00; Sat 09:00-10:00; Sun 09:00-10:00",
        ActiveHours.parse("Fri-Mon 09:00-10:00").canonical());
    assertTrue(ActiveHours.parse("").always());
  }

  @Test
  void malformedActiveHoursAreRefused() {
    for (String bad :
        new String[] {
          "Mon 09:00",
          "Mon 21:00-09:00",
          "Mon 09:00-09:00",
          "Xyz 09:00-10:00",
          "Mon 25:00-26:00",
          "Mon 09:60-10:00",
          "Mon-Tue-Wed 09:00-10:00",
          "Mon 09:00-10:00;",
          "Mon 24:00-24:00",
          "Mon 9:00-10:00"
        }) {
      assertEquals(Optional.empty(), ActiveHours.tryParse(bad), bad);
    }
  }
}

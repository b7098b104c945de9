package dev.herald.domain.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.shared.FieldError;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulePolicyTest {

  private static List<String> fieldsRefused(ScheduleInput input) {
    List<FieldError> errors = new ArrayList<>();
    SchedulePolicy.validate(input, errors);
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void aMissingScheduleIsNoSchedule() {
    assertEquals(Schedule.NONE, SchedulePolicy.validate(null, new ArrayList<>()));
    assertEquals(
        Schedule.NONE,
        SchedulePolicy.validate(new ScheduleInput(null, null, null, null), new ArrayList<>()));
  }

  @Test
  void theTimeZoneMustBeAnIanaId() {
    assertEquals(List.of(), fieldsRefused(new ScheduleInput(null, "Europe/Berlin", null, null)));
    assertEquals(List.of(), fieldsRefused(new ScheduleInput(null, "UTC", null, null)));
    for (String bad : new String[] {"Mars/Olympus", "+02:00", "CEST", "europe/berlin"}) {
      assertEquals(
          List.of("schedule.time_zone"), fieldsRefused(new ScheduleInput(null, bad, null, null)));
    }
  }

  @Test
  void everyBrokenScheduleRuleIsReportedUnderItsField() {
    assertEquals(
        List.of(
            "schedule.jitter_percent",
            "schedule.min_group_interval_minutes",
            "schedule.time_zone",
            "schedule.active_hours"),
        fieldsRefused(new ScheduleInput(51, "Nowhere", "Mon 21:00-09:00", -1)));
  }

  @Test
  void aValidScheduleIsKeptNormalised() {
    Schedule schedule =
        SchedulePolicy.validate(
            new ScheduleInput(20, "Europe/Berlin", "mon-fri 09:00-21:00", 30), new ArrayList<>());
    assertEquals(
        new Schedule(20, ZoneId.of("Europe/Berlin"), ActiveHours.parse("Mon-Fri 09:00-21:00"), 30),
        schedule);
    assertEquals(
        "Mon 09:00-21:00; Tue 09:00-21:00; Wed 09:00-21:00; Thu 09:00-21:00; Fri 09:00-21:00",
        schedule.activeHours().canonical());
  }
}

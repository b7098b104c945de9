package dev.herald.domain.schedule;

import dev.herald.domain.shared.FieldError;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The rules for a schedule: jitter 0 to 50 %, an IANA time zone id ({@code Europe/Berlin}, {@code
 * UTC}; no bare offsets), active hours in {@link ActiveHours}' wire form, a group interval of 0 to
 * 10080 minutes. Errors are added under {@code schedule.<field>}.
 */
public final class SchedulePolicy {

  private SchedulePolicy() {}

  public static Schedule validate(ScheduleInput input, List<FieldError> errors) {
    if (input == null) {
      return Schedule.NONE;
    }
    int jitter =
        range(
            "schedule.jitter_percent",
            input.jitterPercent(),
            Schedule.MAX_JITTER_PERCENT,
            "Jitter must be 0 to 50 percent.",
            errors);
    int interval =
        range(
            "schedule.min_group_interval_minutes",
            input.minGroupIntervalMinutes(),
            Schedule.MAX_GROUP_INTERVAL_MINUTES,
            "The group interval must be 0 to 10080 minutes (a week).",
            errors);
    Optional<ZoneId> zone = zone(input.timeZone());
    if (zone.isEmpty()) {
      errors.add(
          new FieldError(
              "schedule.time_zone",
              "Give an IANA time zone such as Europe/Berlin, America/New_York or UTC."));
    }
    Optional<ActiveHours> hours = ActiveHours.tryParse(input.activeHours());
    if (hours.isEmpty()) {
      errors.add(new FieldError("schedule.active_hours", ActiveHours.SYNTAX));
    }
    if (zone.isEmpty() || hours.isEmpty() || jitter < 0 || interval < 0) {
      return Schedule.NONE;
    }
    return new Schedule(jitter, zone.get(), hours.get(), interval);
  }

  /** An IANA zone id: one of the region ids Java knows ({@code UTC} is one); blank means UTC. */
  public static Optional<ZoneId> zone(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.of(Schedule.NONE.zone());
    }
    return ZoneId.getAvailableZoneIds().contains(raw)
        ? Optional.of(ZoneId.of(raw))
        : Optional.empty();
  }

  private static int range(
      String field, Integer raw, int max, String message, List<FieldError> errors) {
    if (raw == null) {
      return 0;
    }
    if (raw < 0 || raw > max) {
      errors.add(new FieldError(field, message));
      return -1;
    }
    return raw;
  }
}

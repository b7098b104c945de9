package dev.herald.api.bot;

import dev.herald.domain.schedule.Schedule;
import dev.herald.domain.schedule.ScheduleInput;

/**
 * The {@code schedule} of a bot configuration on the wire: {@code jitter_percent} (0-50), {@code
 * time_zone} (IANA id, default UTC), {@code active_hours} ({@code "Mon-Fri 09:00-21:00; Sat
 * 10:00-14:00"}, empty for always) and {@code min_group_interval_minutes} (0 for none).
 */
public record ScheduleBody(
    Integer jitterPercent, String timeZone, String activeHours, Integer minGroupIntervalMinutes) {

  ScheduleInput toInput() {
    return new ScheduleInput(jitterPercent, timeZone, activeHours, minGroupIntervalMinutes);
  }

  static ScheduleBody of(Schedule schedule) {
    return new ScheduleBody(
        schedule.jitterPercent(),
        schedule.zone().getId(),
        schedule.activeHours().canonical(),
        schedule.minGroupIntervalMinutes());
  }
}

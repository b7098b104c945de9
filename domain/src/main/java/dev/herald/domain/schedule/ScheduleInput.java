package dev.herald.domain.schedule;

/**
 * A schedule as a client sent it, before {@link SchedulePolicy} checked it; any field may be null
 * (its default: no jitter, UTC, always active, no group interval).
 */
public record ScheduleInput(
    Integer jitterPercent, String timeZone, String activeHours, Integer minGroupIntervalMinutes) {}

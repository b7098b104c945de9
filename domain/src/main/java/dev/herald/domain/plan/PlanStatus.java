package dev.herald.domain.plan;

/** A plan's status as billing or an admin set it. */
public enum PlanStatus {
  ACTIVE,
  TRIAL,
  EXPIRED,
  INACTIVE;

  /** Whether a plan in this status may run a bot. */
  public boolean allowsRunning() {
    return this == ACTIVE || this == TRIAL;
  }
}

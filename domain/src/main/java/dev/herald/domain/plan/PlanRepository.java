package dev.herald.domain.plan;

/** Billing events already applied, so a replayed event id is refused. */
public interface PlanRepository {

  /**
   * Records an event id; false when it was recorded before (a replay). Also forgets events received
   * before {@code forgetBefore}, which the timestamp check already refuses.
   */
  boolean recordBillingEvent(
      String eventId, Long accountId, java.time.Instant now, java.time.Instant forgetBefore);
}

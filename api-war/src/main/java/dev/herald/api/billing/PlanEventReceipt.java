package dev.herald.api.billing;

import dev.herald.domain.billing.BillingService;

/**
 * What billing gets back: the event, the account, and whether the plan changed (false: older data).
 */
public record PlanEventReceipt(String eventId, long accountId, boolean changed) {

  static PlanEventReceipt of(BillingService.Applied applied) {
    return new PlanEventReceipt(applied.eventId(), applied.accountId(), applied.changed());
  }
}

package dev.herald.domain.billing;

import dev.herald.domain.account.Account;
import dev.herald.domain.account.AccountRepository;
import dev.herald.domain.audit.Actor;
import dev.herald.domain.audit.AuditAction;
import dev.herald.domain.audit.AuditLog;
import dev.herald.domain.bot.PlanChangeNotice;
import dev.herald.domain.plan.Plan;
import dev.herald.domain.plan.PlanPolicy;
import dev.herald.domain.plan.PlanRepository;
import dev.herald.domain.shared.NotFoundException;
import dev.herald.domain.shared.ProblemType;
import dev.herald.domain.shared.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Applies a signed billing event: the signature and timestamp are checked first, then, in one
 * transaction, the event id is recorded (a replay is refused with 401, like a bad signature), the
 * plan is applied as of {@code occurred_at} (older events never overwrite newer plan data) and an
 * audit row is written. Any failure changes nothing.
 */
@ApplicationScoped
public class BillingService {

  private static final Logger LOG = Logger.getLogger(BillingService.class.getName());

  @Inject AccountRepository accounts;
  @Inject PlanRepository plans;
  @Inject PlanChangeNotice notice;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** The outcome: which account, and whether the plan changed (false when older or identical). */
  public record Applied(String eventId, long accountId, boolean changed) {}

  @Transactional
  public Applied handle(
      BillingPolicy policy, String timestamp, String signature, byte[] body, String requestId) {
    Instant now = clock.instant();
    BillingSignature.verify(policy, timestamp, signature, body, now);
    BillingEvent event = BillingEvent.parse(body);
    Plan plan = PlanPolicy.toPlan(event.plan(), event.occurredAt(), "");
    Account account = find(event).orElseThrow(() -> new NotFoundException("No such account."));
    Instant forget = now.minus(policy.replayWindow().multipliedBy(2));
    if (!plans.recordBillingEvent(event.eventId(), account.id(), now, forget)) {
      throw new UnauthenticatedException(
          ProblemType.BILLING_REPLAY, "This event id was already applied; replays are refused.");
    }
    boolean changed = account.updatePlan(plan);
    if (changed) {
      notice.planChanged(account.id(), plan);
    }
    audit.record(
        new Actor(0, "billing-webhook", requestId),
        AuditAction.BILLING_PLAN_EVENT_APPLIED,
        "account",
        account.id(),
        "event_id=" + event.eventId() + " status=" + plan.status() + " changed=" + changed);
    LOG.info(() -> "Billing event applied to account " + account.id() + ", changed=" + changed);
    return new Applied(event.eventId(), account.id(), changed);
  }

  private Optional<Account> find(BillingEvent event) {
    if (event.accountId() != null) {
      return accounts.findById(event.accountId());
    }
    if (event.subject() != null) {
      return accounts.findBySubject(event.subject());
    }
    return accounts.findByEmail(Account.normaliseEmail(event.email()));
  }
}

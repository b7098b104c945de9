package dev.herald.domain.plan;

import dev.herald.domain.account.Account;
import dev.herald.domain.account.AccountRepository;
import dev.herald.domain.audit.Actor;
import dev.herald.domain.audit.AuditAction;
import dev.herald.domain.audit.AuditLog;
import dev.herald.domain.bot.PlanChangeNotice;
import dev.herald.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Keeps an account's plan current from its three sources: the claims of each verified token, an
 * admin, and billing ({@link BillingService}). Newer data wins ({@link Plan#replaceIfNewer}).
 */
@ApplicationScoped
@Transactional
public class PlanService {

  private static final Logger LOG = Logger.getLogger(PlanService.class.getName());

  @Inject AccountRepository accounts;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject PlanChangeNotice notice;

  /**
   * Applies a token's plan claims when they are newer than the stored plan; returns the account. A
   * change reaches the running bot as an admin's or billing's does ({@link PlanChangeNotice}).
   */
  public Account applyTokenClaims(long accountId, Plan claimed) {
    Account account = account(accountId);
    if (account.updatePlan(claimed)) {
      LOG.info(
          () -> "Plan of account " + accountId + " updated from token claims: " + claimed.status());
      notice.planChanged(accountId, claimed);
    }
    return account;
  }

  /** An admin sets the plan; it is "as of now", so it replaces whatever was stored before. */
  public Account setByAdmin(Actor actor, long accountId, PlanInput input) {
    Plan plan = PlanPolicy.toPlan(input, clock.instant(), "");
    Account account = account(accountId);
    if (account.updatePlan(plan)) {
      notice.planChanged(accountId, plan);
    }
    audit.record(actor, AuditAction.ACCOUNT_PLAN_SET, "account", accountId, describe(plan));
    return account;
  }

  static String describe(Plan plan) {
    PlanLimits l = plan.limits();
    return "status="
        + plan.status()
        + " expires_at="
        + plan.expiresAt().map(Object::toString).orElse("never")
        + " max_sessions="
        + l.maxSessions()
        + " max_groups="
        + l.maxGroups()
        + " min_delay_posts="
        + l.minDelayBetweenPostsSeconds()
        + " min_delay_cycles="
        + l.minDelayBetweenCyclesSeconds()
        + " max_posts_per_day="
        + l.maxPostsPerDay()
        + " max_media_bytes="
        + l.maxMediaBytes()
        + " max_media_count="
        + l.maxMediaCount()
        + " max_posts_per_bot="
        + l.maxPostsPerBot()
        + " max_buttons="
        + l.maxButtons();
  }

  private Account account(long id) {
    return accounts.findById(id).orElseThrow(() -> new NotFoundException("No such account."));
  }
}

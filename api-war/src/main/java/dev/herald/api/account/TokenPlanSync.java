package dev.herald.api.account;

import dev.herald.api.auth.VerifiedToken;
import dev.herald.domain.account.Account;
import dev.herald.domain.plan.Plan;
import dev.herald.domain.plan.PlanService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Plans live, not stale: the plan claims of every verified token update the stored plan when they
 * are newer ({@code plan_updated_at}, else {@code iat}). Malformed claims are ignored with a log
 * line; they never fail the request.
 */
@ApplicationScoped
public class TokenPlanSync {

  private static final Logger LOG = Logger.getLogger(TokenPlanSync.class.getName());

  @Inject PlanService plans;

  public Account apply(Account account, VerifiedToken token) {
    return newerClaims(token, account.id(), account.plan().updatedAt())
        .map(claimed -> plans.applyTokenClaims(account.id(), claimed))
        .orElse(account);
  }

  /**
   * The plan the token claims, when it is newer than a stored plan as of {@code storedAsOf}; empty
   * when it is not newer, absent, or malformed (logged, then ignored).
   */
  Optional<Plan> newerClaims(VerifiedToken token, long accountId, Instant storedAsOf) {
    VerifiedToken.ClaimedPlan claimed = token.claimedPlan();
    if (claimed.invalid() != null) {
      LOG.warning(
          () ->
              "Ignoring invalid plan claims in the token of account "
                  + accountId
                  + ": "
                  + claimed.invalid());
      return Optional.empty();
    }
    return claimed.plan().filter(plan -> plan.updatedAt().isAfter(storedAsOf));
  }
}

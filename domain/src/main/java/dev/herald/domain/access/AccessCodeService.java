package dev.herald.domain.access;

import dev.herald.domain.account.Account;
import dev.herald.domain.account.AccountRepository;
import dev.herald.domain.account.Role;
import dev.herald.domain.audit.Actor;
import dev.herald.domain.audit.AuditAction;
import dev.herald.domain.audit.AuditLog;
import dev.herald.domain.plan.Plan;
import dev.herald.domain.plan.PlanInput;
import dev.herald.domain.plan.PlanPolicy;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.shared.ProblemType;
import dev.herald.domain.shared.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Creating codes (admins) and redeeming them. The first redemption creates a USER account with the
 * code's plan, as of the redemption time; every later redemption signs in to that account and
 * leaves its plan alone (an admin or billing may have changed it since).
 */
@ApplicationScoped
@Transactional
public class AccessCodeService {

  public static final int MAX_CODES_PER_REQUEST = 100;

  @Inject AccessCodeRepository codes;
  @Inject AccountRepository accounts;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** Creates {@code count} codes for the plan and returns them in clear text, the only time. */
  public List<String> create(Actor actor, PlanInput planInput, int count) {
    if (count < 1 || count > MAX_CODES_PER_REQUEST) {
      throw InvalidInputException.of(
          "count", "Create 1 to " + MAX_CODES_PER_REQUEST + " codes at a time.");
    }
    Instant now = clock.instant();
    Plan plan = PlanPolicy.toPlan(planInput, now, "plan.");
    List<String> created = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String code = AccessCodes.generate();
      ids.add(
          codes.save(new AccessCode(AccessCodes.hash(code), plan, actor.accountId(), now)).id());
      created.add(code);
    }
    audit.record(
        actor,
        AuditAction.ACCESS_CODES_CREATED,
        "access_code",
        ids.get(0),
        "count=" + count + " ids=" + ids + " plan_status=" + plan.status());
    return created;
  }

  public Account redeem(String code) {
    AccessCode found =
        codes
            .findByHashForUpdate(AccessCodes.hash(code == null ? "" : code))
            .orElseThrow(
                () ->
                    new UnauthenticatedException(
                        ProblemType.INVALID_ACCESS_CODE, "This access code is not valid."));
    if (found.accountId().isPresent()) {
      var existing = accounts.findById(found.accountId().get());
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    Instant now = clock.instant();
    Plan granted =
        new Plan(
            found.plan().status(),
            found.plan().expiresAt().orElse(null),
            found.plan().limits(),
            now);
    Account account =
        accounts.save(new Account("code-" + UUID.randomUUID(), null, Role.USER, granted, now));
    found.redeemedBy(account.id(), now);
    return account;
  }
}

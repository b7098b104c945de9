package dev.herald.domain.account;

import dev.herald.domain.audit.Actor;
import dev.herald.domain.audit.AuditAction;
import dev.herald.domain.audit.AuditLog;
import dev.herald.domain.plan.Plan;
import dev.herald.domain.plan.PlanPolicy;
import dev.herald.domain.shared.ConflictException;
import dev.herald.domain.shared.Enums;
import dev.herald.domain.shared.ForbiddenException;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.shared.NotFoundException;
import dev.herald.domain.shared.Page;
import dev.herald.domain.shared.PageRequest;
import dev.herald.domain.shared.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Admins create accounts. Only an OWNER may create another OWNER; the email must be new; the
 * password is stored as a slow salted hash. The creation and its audit row commit together.
 */
@ApplicationScoped
@Transactional
public class AdminAccountService {

  @Inject AccountRepository accounts;
  @Inject PasswordHasher passwords;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public Account create(Actor actor, NewAccount request) {
    Role role = role(request.role());
    Account acting =
        accounts
            .findById(actor.accountId())
            .orElseThrow(() -> new NotFoundException("No such account."));
    if (role == Role.OWNER && acting.role() != Role.OWNER) {
      throw new ForbiddenException(
          ProblemType.OWNER_REQUIRED, "Only an OWNER may create another OWNER.");
    }
    String email = Account.normaliseEmail(request.email());
    if (accounts.findByEmail(email).isPresent()) {
      throw new ConflictException(
          ProblemType.EMAIL_TAKEN, "An account with this email exists already.");
    }
    Plan plan = PlanPolicy.toPlan(request.plan(), clock.instant(), "plan.");
    Account account = new Account("acct-" + UUID.randomUUID(), email, role, plan, clock.instant());
    account.setPasswordHash(passwords.hash(request.password()));
    Account saved = accounts.save(account);
    audit.record(
        actor,
        AuditAction.ACCOUNT_CREATED,
        "account",
        saved.id(),
        "email=" + email + " role=" + role);
    return saved;
  }

  /** Every account by id, a page at a time (the admin's tenant list). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Account> list(PageRequest request) {
    return request.page(accounts.byId(request.after(), request.fetchSize()), Account::id);
  }

  public Account find(long id) {
    return accounts.findById(id).orElseThrow(() -> new NotFoundException("No such account."));
  }

  private static Role role(String raw) {
    return Enums.parse(Role.class, raw)
        .orElseThrow(() -> InvalidInputException.of("role", "Role must be USER, ADMIN or OWNER."));
  }
}

package dev.herald.api.admin;

import dev.herald.domain.account.Account;
import java.time.Instant;

/** An account as admins see it: identity, role, the stored plan and its effective status. */
public record AdminAccountView(
    long id,
    String subject,
    String email,
    String role,
    PlanBody plan,
    String effectivePlanStatus,
    Instant planUpdatedAt,
    Instant createdAt) {

  static AdminAccountView of(Account a, Instant now) {
    return new AdminAccountView(
        a.id(),
        a.subject(),
        a.email().orElse(null),
        a.role().name(),
        PlanBody.of(a.plan()),
        a.plan().effectiveStatus(now).name(),
        a.plan().updatedAt(),
        a.createdAt());
  }
}

package dev.herald.api.account;

import dev.herald.domain.account.Account;
import dev.herald.domain.plan.Plan;
import java.time.Instant;

/** An account as its owner sees it. */
public record AccountView(
    long id,
    String email,
    String role,
    String planStatus,
    Instant planExpiresAt,
    Instant createdAt) {

  public static AccountView of(Account account, Instant now) {
    Plan plan = account.plan();
    return new AccountView(
        account.id(),
        account.email().orElse(null),
        account.role().name(),
        plan.effectiveStatus(now).name(),
        plan.expiresAt().orElse(null),
        account.createdAt());
  }
}

package dev.herald.api.admin;

import dev.herald.domain.account.NewAccount;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /admin/accounts}: a tenant (or admin) with an initial password and a plan. */
public record NewAccountBody(
    @NotBlank(message = "Give the account's email.") @Email(message = "Give a valid email address.") @Size(max = 320, message = "An email is at most 320 characters.") String email,
    @NotBlank(message = "Give the role: USER, ADMIN or OWNER.") String role,
    @NotNull(message = "Give the plan: status, expires_at, limits.") PlanBody plan,
    @NotBlank(message = "Give an initial password.") @Size(min = 12, max = 1024, message = "The initial password must be 12 to 1024 characters.") String password) {

  NewAccount toNewAccount() {
    return new NewAccount(email, role, PlanBody.toInput(plan), password);
  }
}

package dev.herald.domain.account;

import dev.herald.domain.shared.ForbiddenException;
import dev.herald.domain.shared.ProblemType;

/**
 * SPEC rule 2: an admin action needs an admin role in the token (checked by the resource's
 * {@code @RolesAllowed}) and in the stored account. A token minted before a demotion, or by an
 * identity provider that disagrees with Herald, does not make anyone an admin.
 */
public final class AdminAccess {

  private AdminAccess() {}

  public static void require(Account account) {
    if (!account.role().isAdmin()) {
      throw new ForbiddenException(
          ProblemType.ADMIN_REQUIRED, "This needs an ADMIN or OWNER account.");
    }
  }
}

package dev.herald.api.account;

import dev.herald.domain.account.Account;
import dev.herald.domain.account.AccountService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The account acting in this request. Its identity is the verified token's {@code sub} and
 * nothing else: identity headers such as {@code X-User-Id} are never read (SPEC rule 1).
 */
@RequestScoped
public class CurrentAccount {

  @Inject JsonWebToken token;
  @Inject AccountService accounts;

  private Account account;

  public Account get() {
    if (account == null) {
      String subject = token.getSubject();
      if (subject == null || subject.isBlank()) {
        throw new IllegalStateException("A verified token without a subject reached a resource");
      }
      account = accounts.resolve(subject);
    }
    return account;
  }

  public long id() {
    return get().id();
  }
}

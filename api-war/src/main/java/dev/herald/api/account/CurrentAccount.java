package dev.herald.api.account;

import dev.herald.api.web.RequestIds;
import dev.herald.api.web.VerifiedTokens;
import dev.herald.domain.account.Account;
import dev.herald.domain.account.AccountService;
import dev.herald.domain.audit.Actor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The account acting in this request. Its identity is the verified token's {@code sub} and nothing
 * else: identity headers such as {@code X-User-Id} are never read (SPEC rule 1). The token is the
 * request's principal ({@link VerifiedTokens}).
 */
@RequestScoped
public class CurrentAccount {

  @Inject AccountService accounts;
  @Inject HttpServletRequest request;
  @Inject TokenPlanSync planSync;
  @Inject KnownAccounts known;

  private Account account;

  public Account get() {
    if (account == null) {
      JsonWebToken token = token();
      String subject = token.getSubject();
      if (subject == null || subject.isBlank()) {
        throw new IllegalStateException("A verified token without a subject reached a resource");
      }
      account = planSync.apply(accounts.resolve(subject), token);
      known.remember(subject, account);
    }
    return account;
  }

  /**
   * The account's id; from {@link KnownAccounts} when the token needs nothing from the database.
   */
  public long id() {
    if (account == null) {
      OptionalLong id = known.idWithoutLookup(token());
      if (id.isPresent()) {
        return id.getAsLong();
      }
    }
    return get().id();
  }

  /** The verified token; a resource that needs an account is reached only with one. */
  private JsonWebToken token() {
    JsonWebToken token = VerifiedTokens.of(request.getUserPrincipal());
    if (token == null) {
      throw new IllegalStateException("A request without a verified token reached a resource");
    }
    return token;
  }

  /**
   * The caller as an actor, for services that record who did what; on {@link AdminOnly} resources
   * an admin whose stored account is checked already.
   */
  public Actor actor() {
    Account account = get();
    return new Actor(account.id(), account.subject(), RequestIds.of(request));
  }
}

package dev.herald.api.account;

import dev.herald.api.auth.VerifiedToken;
import dev.herald.api.web.RequestIds;
import dev.herald.api.web.VerifiedTokens;
import dev.herald.domain.account.Account;
import dev.herald.domain.account.AccountService;
import dev.herald.domain.audit.Actor;
import dev.herald.domain.bot.BotStateCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;

/**
 * The account acting in this request. Its identity is the verified token's {@code sub} and nothing
 * else: identity headers such as {@code X-User-Id} are never read (SPEC rule 1). The token is the
 * one {@link dev.herald.api.auth.BearerTokenFilter} verified ({@link VerifiedTokens}).
 *
 * <p>One instance for the application, holding nothing itself: the account resolved for a request
 * is kept in that request's attributes, so it is looked up at most once per request as before, but
 * no bean is created per request (a request-scoped one cost Weld's creation and Liberty's resource
 * injection on every /bot/state poll, about 1.5% of its samples, bench/api.sh).
 */
@ApplicationScoped
public class CurrentAccount {

  /** The request attribute holding the account once resolved; only server code sets attributes. */
  private static final String RESOLVED = CurrentAccount.class.getName();

  @Inject AccountService accounts;
  @Inject HttpServletRequest request;
  @Inject TokenPlanSync planSync;
  @Inject KnownAccounts known;
  @Inject BotStateCache stateCache;

  public Account get() {
    Account account = resolved();
    if (account == null) {
      VerifiedToken token = token();
      String subject = token.subject();
      if (subject == null || subject.isBlank()) {
        throw new IllegalStateException("A verified token without a subject reached a resource");
      }
      Account stored = accounts.resolve(subject);
      account = planSync.apply(stored, token);
      if (account != stored) {
        // The token's newer plan was just stored, also on a GET (OwnWritesForgetState covers the
        // rest): this request and the caller's next poll must show its limits.
        stateCache.forget(account.id());
      }
      known.remember(subject, account);
      request.setAttribute(RESOLVED, account);
    }
    return account;
  }

  /**
   * The account's id; from {@link KnownAccounts} when the token needs nothing from the database
   * (also after {@link #get()} in this request, which remembered it there), else from {@link
   * #get()}.
   */
  public long id() {
    OptionalLong id = known.idWithoutLookup(token());
    return id.isPresent() ? id.getAsLong() : get().id();
  }

  private Account resolved() {
    return (Account) request.getAttribute(RESOLVED);
  }

  /** The verified token; a resource that needs an account is reached only with one. */
  private VerifiedToken token() {
    VerifiedToken token = VerifiedTokens.of(request);
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

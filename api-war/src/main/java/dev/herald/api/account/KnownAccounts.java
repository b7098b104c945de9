package dev.herald.api.account;

import dev.herald.api.auth.VerifiedToken;
import dev.herald.domain.account.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which account a token's subject is, remembered on this node, so that a request that needs only
 * the account id (a dashboard polling its bot's state) skips two lookups. Safe because a subject's
 * account never changes (accounts are not deleted) and stored plans only ever get newer: a token
 * whose plan claims are not newer than the plan seen here needs no plan sync either. Any other
 * token takes the full path ({@link CurrentAccount#get()}), which refreshes the entry.
 */
@ApplicationScoped
public class KnownAccounts {

  /** Entries are small and rebuilt from one lookup each; a full map is simply started afresh. */
  private static final int MAX_ENTRIES = 100_000;

  private record Known(long id, Instant planAsOf) {}

  private final Map<String, Known> bySubject = new ConcurrentHashMap<>();

  @Inject TokenPlanSync planSync;

  /** The account id when this token needs nothing from the database, else empty. */
  OptionalLong idWithoutLookup(VerifiedToken token) {
    Known known = known(token.subject());
    if (known == null || planSync.newerClaims(token, known.id(), known.planAsOf()).isPresent()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(known.id());
  }

  /** The subject's account id when this node has resolved it before, whatever the token claims. */
  OptionalLong id(String subject) {
    Known known = known(subject);
    return known == null ? OptionalLong.empty() : OptionalLong.of(known.id());
  }

  private Known known(String subject) {
    return subject == null ? null : bySubject.get(subject);
  }

  void remember(String subject, Account account) {
    if (bySubject.size() >= MAX_ENTRIES) {
      bySubject.clear();
    }
    bySubject.put(subject, new Known(account.id(), account.plan().updatedAt()));
  }
}

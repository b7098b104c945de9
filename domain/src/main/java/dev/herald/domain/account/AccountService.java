package dev.herald.domain.account;

import dev.herald.domain.plan.Plan;
import dev.herald.domain.shared.AuthenticationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Registration, sign-in and the bootstrap admin. */
@ApplicationScoped
@Transactional
public class AccountService {

  private static final String TIMING_DUMMY_HASH =
      "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

  @Inject AccountRepository accounts;
  @Inject PasswordHasher passwords;
  @Inject Clock clock;

  /**
   * The account of a verified token's subject, created on first contact as a {@link Role#USER}
   * without a plan. Roles are never taken from a token here: only admins grant them.
   */
  public Account resolve(String subject) {
    return accounts
        .findBySubject(subject)
        .orElseGet(
            () ->
                accounts.createIfAbsent(
                    new Account(subject, null, Role.USER, Plan.none(), clock.instant())));
  }

  /**
   * Checks an email and password; fails the same way whether the email or the password is wrong.
   */
  public Account authenticate(String email, String password) {
    Optional<Account> account = accounts.findByEmail(Account.normaliseEmail(email));
    String hash = account.flatMap(Account::passwordHash).orElse(null);
    if (hash == null) {
      // Check against a dummy hash anyway so that unknown emails take as long as wrong passwords.
      passwords.matches(password, TIMING_DUMMY_HASH);
      throw new AuthenticationException();
    }
    if (!passwords.matches(password, hash)) {
      throw new AuthenticationException();
    }
    return account.get();
  }

  /**
   * Creates the bootstrap owner account with this email and password unless an account with the
   * email exists. Returns whether it was created.
   */
  public boolean ensureBootstrapOwner(String email, String password, Plan plan) {
    if (accounts.findByEmail(Account.normaliseEmail(email)).isPresent()) {
      return false;
    }
    Account owner =
        new Account("acct-" + UUID.randomUUID(), email, Role.OWNER, plan, clock.instant());
    owner.setPasswordHash(passwords.hash(password));
    accounts.save(owner);
    return true;
  }
}

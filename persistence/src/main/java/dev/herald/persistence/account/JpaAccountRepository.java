package dev.herald.persistence.account;

import dev.herald.domain.account.Account;
import dev.herald.domain.account.AccountRepository;
import dev.herald.persistence.JpaStore;
import dev.herald.persistence.UTC;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Accounts through JPA; the first-contact insert is a PostgreSQL upsert so concurrent logins agree.
 */
@ApplicationScoped
public class JpaAccountRepository extends JpaStore implements AccountRepository {

  @Override
  public Optional<Account> findById(long id) {
    return find(Account.class, id);
  }

  @Override
  public Optional<Account> findBySubject(String subject) {
    return first(whereEquals(Account.class, "subject", subject));
  }

  @Override
  public Optional<Account> findByEmail(String email) {
    return first(whereEquals(Account.class, "email", email));
  }

  @Override
  public List<Account> byId(Long afterId, int limit) {
    String where = afterId == null ? "" : " WHERE a.id > :after";
    var query =
        em.createQuery("SELECT a FROM Account a" + where + " ORDER BY a.id", Account.class)
            .setMaxResults(limit);
    if (afterId != null) {
      query.setParameter("after", afterId);
    }
    return query.getResultList();
  }

  @Override
  public Account save(Account account) {
    return insertOrMerge(account, account.id() == null);
  }

  @Override
  public Account createIfAbsent(Account account) {
    var plan = account.plan();
    var limits = plan.limits();
    em.createNativeQuery(
            """
            INSERT INTO account (subject, email, role, plan_status, plan_expires_at, plan_updated_at,
                max_sessions, max_groups, min_delay_between_posts_s, min_delay_between_cycles_s,
                max_posts_per_day, created_at, max_media_bytes, max_media_count, max_posts_per_bot,
                max_buttons)
            VALUES (?, ?, ?, ?, CAST(? AS TIMESTAMPTZ), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (subject) DO NOTHING
            """)
        .setParameter(1, account.subject())
        .setParameter(2, account.email().orElse(null))
        .setParameter(3, account.role().name())
        .setParameter(4, plan.status().name())
        .setParameter(5, plan.expiresAt().map(UTC::at).orElse(null))
        .setParameter(6, UTC.at(plan.updatedAt()))
        .setParameter(7, limits.maxSessions())
        .setParameter(8, limits.maxGroups())
        .setParameter(9, limits.minDelayBetweenPostsSeconds())
        .setParameter(10, limits.minDelayBetweenCyclesSeconds())
        .setParameter(11, limits.maxPostsPerDay())
        .setParameter(12, UTC.at(account.createdAt()))
        .setParameter(13, limits.maxMediaBytes())
        .setParameter(14, limits.maxMediaCount())
        .setParameter(15, limits.maxPostsPerBot())
        .setParameter(16, limits.maxButtons())
        .executeUpdate();
    return findBySubject(account.subject()).orElseThrow();
  }
}

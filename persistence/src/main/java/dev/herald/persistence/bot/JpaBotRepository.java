package dev.herald.persistence.bot;

import dev.herald.domain.bot.Bot;
import dev.herald.domain.bot.BotRepository;
import dev.herald.domain.bot.StopReason;
import dev.herald.persistence.JpaPerAccountStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Bots through JPA. */
@ApplicationScoped
public class JpaBotRepository extends JpaPerAccountStore<Bot> implements BotRepository {

  public JpaBotRepository() {
    super(Bot.class);
  }

  /** One conditional UPDATE ({@link BotSql#REQUEST_STOP}); the entity is read back after it. */
  @Override
  public Optional<Bot> requestStop(long accountId, StopReason reason) {
    em.flush();
    em.createNativeQuery(BotSql.REQUEST_STOP)
        .setParameter(1, reason.name())
        .setParameter(2, accountId)
        .executeUpdate();
    Optional<Bot> bot = findByAccountId(accountId);
    bot.ifPresent(em::refresh);
    return bot;
  }

  @Override
  public boolean replanDeferred(long accountId) {
    em.flush();
    int replanned =
        em.createNativeQuery(BotSql.REPLAN_DEFERRED).setParameter(1, accountId).executeUpdate();
    findByAccountId(accountId).ifPresent(em::refresh);
    return replanned > 0;
  }

  @Override
  public void outdateRunningCycle(long accountId) {
    em.flush();
    em.createNativeQuery(BotSql.OUTDATE_RUNNING_CYCLE).setParameter(1, accountId).executeUpdate();
  }

  @Override
  public Bot save(Bot bot) {
    if (em.contains(bot)) {
      return bot;
    }
    if (em.find(Bot.class, bot.accountId()) == null) {
      em.persist(bot);
      return bot;
    }
    return em.merge(bot);
  }
}

package dev.herald.persistence.bot;

import dev.herald.domain.bot.Bot;
import dev.herald.domain.bot.BotRepository;
import dev.herald.domain.bot.StopReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Bots through JPA. */
@ApplicationScoped
public class JpaBotRepository implements BotRepository {

  @PersistenceContext(unitName = "herald")
  EntityManager em;

  @Override
  public Optional<Bot> findByAccountId(long accountId) {
    return Optional.ofNullable(em.find(Bot.class, accountId));
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

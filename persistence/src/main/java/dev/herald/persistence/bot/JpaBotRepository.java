package dev.herald.persistence.bot;

import dev.herald.domain.bot.Bot;
import dev.herald.domain.bot.BotRepository;
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

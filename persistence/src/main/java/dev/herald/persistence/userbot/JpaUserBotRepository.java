package dev.herald.persistence.userbot;

import dev.herald.domain.userbot.UserBot;
import dev.herald.domain.userbot.UserBotRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** User bots through JPA, one row per account. */
@ApplicationScoped
public class JpaUserBotRepository implements UserBotRepository {

  @PersistenceContext(unitName = "herald")
  EntityManager em;

  @Override
  public Optional<UserBot> findByAccountId(long accountId) {
    return Optional.ofNullable(em.find(UserBot.class, accountId));
  }

  @Override
  public UserBot save(UserBot bot) {
    if (em.contains(bot)) {
      return bot;
    }
    em.persist(bot);
    em.flush();
    return bot;
  }

  @Override
  public void delete(UserBot bot) {
    em.remove(em.contains(bot) ? bot : em.merge(bot));
  }
}

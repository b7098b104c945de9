package dev.herald.persistence.userbot;

import dev.herald.domain.userbot.UserBot;
import dev.herald.domain.userbot.UserBotRepository;
import dev.herald.persistence.JpaStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** User bots through JPA, one row per account. */
@ApplicationScoped
public class JpaUserBotRepository extends JpaStore implements UserBotRepository {

  @Override
  public Optional<UserBot> findByAccountId(long accountId) {
    return find(UserBot.class, accountId);
  }

  @Override
  public UserBot save(UserBot bot) {
    if (em.contains(bot)) {
      return bot;
    }
    return insert(bot);
  }

  @Override
  public void delete(UserBot bot) {
    remove(bot);
  }
}

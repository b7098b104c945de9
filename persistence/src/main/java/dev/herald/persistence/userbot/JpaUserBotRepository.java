package dev.herald.persistence.userbot;

import dev.herald.domain.userbot.UserBot;
import dev.herald.domain.userbot.UserBotRepository;
import dev.herald.persistence.JpaPerAccountStore;
import jakarta.enterprise.context.ApplicationScoped;

/** User bots through JPA, one row per account. */
@ApplicationScoped
public class JpaUserBotRepository extends JpaPerAccountStore<UserBot> implements UserBotRepository {

  public JpaUserBotRepository() {
    super(UserBot.class);
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

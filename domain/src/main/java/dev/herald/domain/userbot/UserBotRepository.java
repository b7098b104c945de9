package dev.herald.domain.userbot;

import java.util.Optional;

/** Where user bots live, one per account. */
public interface UserBotRepository {

  Optional<UserBot> findByAccountId(long accountId);

  UserBot save(UserBot bot);

  void delete(UserBot bot);
}

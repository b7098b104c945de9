package dev.herald.domain.bot;

import java.util.Optional;

/** Where bots live, one per account. */
public interface BotRepository {

  Optional<Bot> findByAccountId(long accountId);

  Bot save(Bot bot);
}

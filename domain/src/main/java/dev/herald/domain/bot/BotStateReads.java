package dev.herald.domain.bot;

import java.util.Optional;

/**
 * Port: the rows a bot's state is computed from ({@link BotService#state}), read in one statement
 * (issue 17: the dashboards poll this). The rules over them stay in {@link BotService}.
 */
public interface BotStateReads {

  /**
   * The account's plan limits, its bot row (empty before it first configures or starts it), its
   * user bot row and the sessions in use assigned to it, as one consistent read; empty when there
   * is no such account. Inside a transaction it sees the transaction's own changes.
   */
  Optional<BotStateRows> read(long accountId);
}

package dev.herald.domain.bot;

/**
 * Port: the rows a bot's state is computed from ({@link BotService#state}), read in one statement
 * (issue 17: the dashboards poll this). The rules over them stay in {@link BotService}.
 */
public interface BotStateReads {

  /**
   * The account's bot row (empty before it first configures or starts it), its user bot row and the
   * sessions assigned to it, as one consistent read. Inside a transaction it sees the transaction's
   * own changes.
   */
  BotStateRows read(long accountId);
}

-- SPEC rule 18: a plan change (or a new configuration) takes effect on a running bot at once, not at
-- its next cycle. The change marks the bot whose cycle is leased (planned under the old terms); the
-- node running that cycle finds the mark at its next post (LedgerSql.BEGIN_DELIVERIES), ends the
-- cycle's run after its posts in flight and hands the cycle back without ending it (same cycle id,
-- due now). The claim that takes it again reads the new terms and clears the mark; the delivery
-- records of the first run keep its chats from being posted twice (rule 10).
ALTER TABLE bot ADD COLUMN cycle_outdated BOOLEAN NOT NULL DEFAULT false;

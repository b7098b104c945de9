-- bot.lease_owner is transient: NULL while a bot waits, a node's id for the milliseconds of a cycle.
-- Whatever ANALYZE saw there is wrong a moment later, and mostly it saw "all NULL": the planner then
-- took `lease_owner = <node>` to match no row at all and ran the flush's cycle completion
-- (LedgerSql.COMPLETE_CYCLES) as a nested loop over a sequential scan of every bot, for every
-- completed cycle (issue 17: 3 s of CPU per flush of 1 000 cycles over 20 000 bots, until
-- autovacuum re-analyzed the table). Without statistics the planner uses its default selectivity
-- and looks the bots up by key.
ALTER TABLE bot ALTER COLUMN lease_owner SET STATISTICS 0;
-- Same type, so no rewrite; it drops the statistics already collected, which ANALYZE would
-- otherwise keep forever now that it skips the column.
ALTER TABLE bot ALTER COLUMN lease_owner TYPE VARCHAR(100);

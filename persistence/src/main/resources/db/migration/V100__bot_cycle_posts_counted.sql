-- The posts of the bot's current cycle that completions have added to its daily count (posts_today). A
-- run whose node crashed, or that lost its lease in a database outage, completes nothing: its posts were
-- never counted, and the plan's daily cap undercounted them for the rest of the day. The claim of the
-- continuation now counts the cycle's posts in its records (those whose sender sent something, or may
-- have: a record left SENDING) and returns those started today that are not counted here
-- (LeaseSql.CLAIM_DUE); the continuation's completion adds them to the day's count with its own
-- (LedgerSql.COMPLETE_CYCLES). A cycle handed back (SPEC rule 18) keeps its id, and its posts so far
-- stay counted here; a new cycle starts at 0. A constant default: no rewrite of the table.
ALTER TABLE bot ADD COLUMN cycle_posts_counted INT NOT NULL DEFAULT 0;

-- Before this column, a cycle handed back had its posts counted already: the current cycle's posts are
-- taken as counted, so its continuation does not count them again (a run that completed nothing before
-- the upgrade stays uncounted, as it was).
UPDATE bot b SET cycle_posts_counted = c.posts
  FROM (SELECT d.account_id, count(*) AS posts
          FROM delivery_record d JOIN bot x ON x.account_id = d.account_id AND x.cycle_id = d.cycle_id
         WHERE NOT d.retryable
         GROUP BY d.account_id) c
 WHERE b.account_id = c.account_id;

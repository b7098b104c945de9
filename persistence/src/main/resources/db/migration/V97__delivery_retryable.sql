-- Whether another sender may make the post of this record in the same cycle: its sender sent nothing
-- (SendOutcome.retryableByAnotherSender). V96 read that from the outcome (Telegram's refusals of the
-- sender); a park carries no such verdict in its code, since TDLib answers it both before the message
-- reached TDLib (the session is not open on this node: nothing sent) and after (its client closed while
-- TDLib held the message: it may have gone out). The engine knows which, and writes it here with the
-- outcome; LedgerSql.reopenable and LeaseSql.recentlyPosted read it. A constant default: no table
-- rewrite. Records finished before this migration stay final, the careful reading (a retry is lost for
-- a cycle in progress at the upgrade, a post is never sent twice).
ALTER TABLE delivery_record ADD COLUMN retryable BOOLEAN NOT NULL DEFAULT false;

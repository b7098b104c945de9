-- The engine's flush writes, per completed cycle, a stats row and an activity row, and per post a
-- delivery record. Measured with bench/throughput.sh and pg_stat_statements (bench/RESULTS.md),
-- most of that cost was not the rows but what came with them:

-- 1. Foreign keys to account. Each inserted row ran a check that locks its account row FOR KEY
--    SHARE (a write to the account's page): 64 of the stats upsert's and 57 of the activity insert's
--    microseconds per row. These rows are written only for a bot the same transaction holds locked
--    (a bot row exists only for an existing account, and deleting the account waits for that
--    lock), as delivery records always were, without a foreign key. What the keys also did, deleting
--    the rows with their account, a trigger does now; it runs only when an account is deleted.
ALTER TABLE activity_log DROP CONSTRAINT activity_log_account_id_fkey;
ALTER TABLE bot_stats DROP CONSTRAINT bot_stats_account_id_fkey;

CREATE FUNCTION delete_account_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM bot_stats WHERE account_id = OLD.id;
  DELETE FROM activity_log WHERE account_id = OLD.id;
  DELETE FROM delivery_record WHERE account_id = OLD.id;
  RETURN OLD;
END
$$;

CREATE TRIGGER account_history_deleted AFTER DELETE ON account
  FOR EACH ROW EXECUTE FUNCTION delete_account_history();

-- 2. B-tree indexes on the time columns that only the retention cleanup reads ("older than N
--    days"). Rows arrive in time order, so a BRIN index (one summary per range of pages) serves the
--    cleanup and costs next to nothing per insert. It builds in one sequential pass.
DROP INDEX delivery_record_started_idx;
CREATE INDEX delivery_record_started_brin ON delivery_record USING brin (started_at);
DROP INDEX activity_log_created_idx;
CREATE INDEX activity_log_created_brin ON activity_log USING brin (created_at);

-- 3. A stats row is updated at every cycle and its key never changes: free room on its page lets
--    PostgreSQL update it in place (HOT). Applies to pages written from now on.
ALTER TABLE bot_stats SET (fillfactor = 70);


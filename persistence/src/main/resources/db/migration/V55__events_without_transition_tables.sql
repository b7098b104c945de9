-- The live events of V35 without their cost on the engine's hot path (issue 17). V35's statement-level
-- triggers on bot UPDATE, delivery_record UPDATE and activity_log INSERT declared transition tables,
-- so PostgreSQL copied every old and new row of every such statement into tuple stores (spilling to
-- disk past work_mem), listeners or not: the claim, the cycle completion, the outcome and the cycle
-- log of every execution paid for it (the completion's UPDATE bot went from 28 to 77 us per row).
--
-- Now:
-- * The engine's flush (LedgerSql.FLUSH) announces its own changes, one notification per kind and
--   statement, from the rows its statements return, and writes delivery_event itself. It marks its
--   transaction with herald.flush = 'on' so that the row triggers below skip its rows.
-- * Every other writer (the API, the sweeps, penalties) goes through row-level triggers whose WHEN
--   clause filters before anything is queued: a bot UPDATE that changes nothing GET /bot/state shows
--   (a claim, a lease extension) costs nothing, and a change announces its account when a node
--   listens. These writers change one row per request; the rare multi-row sweep announces per row,
--   which the dispatcher merges (Wake.merge).

DROP TRIGGER bot_state_updated ON bot;
DROP TRIGGER deliveries_finished ON delivery_record;
DROP FUNCTION deliveries_finished();
DROP TRIGGER activity_logged ON activity_log;
DROP FUNCTION activity_logged();

-- True inside the engine's flush transaction (SET LOCAL by LedgerSql.FLUSH); '' or NULL elsewhere.
CREATE FUNCTION engine_flush_announces() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('herald.flush', true), '') = 'on'
$$;

-- A row trigger's announcement of its row's account, when some node listens; the kind is the
-- trigger's argument.
CREATE FUNCTION bot_event_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF bot_event_listeners_present() THEN
    PERFORM pg_notify('herald_events', TG_ARGV[0] || ':' || NEW.account_id);
  END IF;
  RETURN NULL;
END
$$;

-- What GET /bot/state shows of the bot row; lease and cycle bookkeeping changes nothing there.
CREATE TRIGGER bot_state_updated AFTER UPDATE ON bot
  FOR EACH ROW
  WHEN (NOT engine_flush_announces()
        AND (OLD.status, OLD.stop_reason, OLD.last_error_reason, OLD.next_run_at,
             OLD.post_text, OLD.forward_source, OLD.post_type)
            IS DISTINCT FROM
            (NEW.status, NEW.stop_reason, NEW.last_error_reason, NEW.next_run_at,
             NEW.post_text, NEW.forward_source, NEW.post_type))
  EXECUTE FUNCTION bot_event_of_row('state');

CREATE TRIGGER activity_logged AFTER INSERT ON activity_log
  FOR EACH ROW
  WHEN (NOT engine_flush_announces())
  EXECUTE FUNCTION bot_event_of_row('log');

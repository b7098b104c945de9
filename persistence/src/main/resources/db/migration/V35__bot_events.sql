-- Live events for GET /api/v1/bot/events (issue 16.4). Changes are announced on the channel
-- herald_events by statement-level triggers: one pg_notify per statement with the affected account
-- ids ("<kind>:<id>,<id>,..." or "<kind>:*" when the list would not fit a notification), never one
-- per row, and none while no node has an event stream open (event_listener). Kinds: state (bot
-- status, stop reason, last error, next run, senders), log (activity_log rows), delivery (a post
-- attempt finished). Each node's BotEventDispatcher LISTENs on one connection and reads the new
-- rows of the accounts it serves in one query per wake-up (PgBotEventFeed, PgBotEventStore).

-- Nodes with open event streams, refreshed by each such node; the triggers notify only while one is
-- listening. A node that dies stops counting when its listening_until passes.
CREATE TABLE event_listener (
    node_id          VARCHAR(100) PRIMARY KEY,
    listening_until  TIMESTAMPTZ  NOT NULL
);

CREATE FUNCTION bot_event_listeners_present() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM event_listener WHERE listening_until > now())
$$;

-- One notification for a statement's accounts (the caller passes them distinct).
CREATE FUNCTION notify_bot_events(kind text, accounts bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ids text;
BEGIN
  IF cardinality(accounts) = 0 THEN
    RETURN;
  END IF;
  ids := array_to_string(accounts, ',');
  IF length(ids) > 7000 THEN
    ids := '*';  -- a notification holds at most 8000 bytes: every listener re-reads its accounts
  END IF;
  PERFORM pg_notify('herald_events', kind || ':' || ids);
END
$$;

-- The order in which a transaction's rows may be handed out: a reader takes a row only once every
-- transaction older than it has ended (written_xid below its snapshot's xmin), so a slower
-- transaction that took a smaller id is not skipped.
ALTER TABLE activity_log ADD COLUMN written_xid xid8;
ALTER TABLE activity_log ALTER COLUMN written_xid SET DEFAULT pg_current_xact_id();

-- Finished post attempts in the order they finished (delivery_record.id is the order they started):
-- the stream's cursor for deliveries. Written by the trigger below, pruned with delivery_record.
CREATE TABLE delivery_event (
    seq          BIGINT  GENERATED ALWAYS AS IDENTITY,
    account_id   BIGINT  NOT NULL,
    delivery_id  BIGINT  NOT NULL,
    written_xid  xid8    NOT NULL DEFAULT pg_current_xact_id()
);

CREATE INDEX delivery_event_account_idx ON delivery_event (account_id, seq);

CREATE FUNCTION activity_logged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF bot_event_listeners_present() THEN
    PERFORM notify_bot_events('log', ARRAY(SELECT DISTINCT account_id FROM added));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER activity_logged AFTER INSERT ON activity_log
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION activity_logged();

-- A delivery is finished when its outcome leaves SENDING (EngineSql.FINISH_DELIVERIES).
CREATE FUNCTION deliveries_finished() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  accounts bigint[];
BEGIN
  WITH finished AS (
    INSERT INTO delivery_event (account_id, delivery_id)
    SELECT a.account_id, a.id
      FROM after_rows a JOIN before_rows b ON b.id = a.id
     WHERE b.outcome = 'SENDING' AND a.outcome <> 'SENDING'
     ORDER BY a.id
    RETURNING account_id)
  SELECT ARRAY(SELECT DISTINCT account_id FROM finished) INTO accounts;
  IF cardinality(accounts) > 0 AND bot_event_listeners_present() THEN
    PERFORM notify_bot_events('delivery', accounts);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER deliveries_finished AFTER UPDATE ON delivery_record
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deliveries_finished();

-- Retention: a delivery's event goes with it (the cleanup deletes the oldest records in batches).
CREATE FUNCTION delivery_events_pruned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM delivery_event e
   USING (SELECT account_id, max(id) AS last_id FROM removed GROUP BY account_id) r
   WHERE e.account_id = r.account_id AND e.delivery_id <= r.last_id;
  RETURN NULL;
END
$$;

CREATE TRIGGER delivery_events_pruned AFTER DELETE ON delivery_record
  REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION delivery_events_pruned();

-- What GET /bot/state shows of the bot row; lease and cycle bookkeeping changes nothing there.
CREATE FUNCTION bot_state_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT bot_event_listeners_present() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    PERFORM notify_bot_events('state', ARRAY(
      SELECT DISTINCT a.account_id FROM after_rows a JOIN before_rows b USING (account_id)
       WHERE (a.status, a.stop_reason, a.last_error_reason, a.next_run_at,
              a.post_text, a.forward_source, a.post_type)
             IS DISTINCT FROM
             (b.status, b.stop_reason, b.last_error_reason, b.next_run_at,
              b.post_text, b.forward_source, b.post_type)));
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM notify_bot_events('state', ARRAY(SELECT DISTINCT account_id FROM after_rows));
  ELSE
    PERFORM notify_bot_events('state', ARRAY(SELECT DISTINCT account_id FROM before_rows));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER bot_state_updated AFTER UPDATE ON bot
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bot_state_changed();
CREATE TRIGGER bot_state_inserted AFTER INSERT ON bot
  REFERENCING NEW TABLE AS after_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bot_state_changed();
CREATE TRIGGER bot_state_deleted AFTER DELETE ON bot
  REFERENCING OLD TABLE AS before_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bot_state_changed();

-- A bot's senders are part of its state: a session assigned, cooling down, banned or released.
CREATE FUNCTION bot_senders_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT bot_event_listeners_present() THEN
    RETURN NULL;
  END IF;
  PERFORM notify_bot_events('state', ARRAY(
    SELECT DISTINCT x.account_id
      FROM after_rows a JOIN before_rows b USING (id),
           LATERAL (VALUES (a.assigned_account_id), (b.assigned_account_id)) AS x(account_id)
     WHERE x.account_id IS NOT NULL
       AND (a.state, a.assigned_account_id) IS DISTINCT FROM (b.state, b.assigned_account_id)));
  RETURN NULL;
END
$$;

CREATE TRIGGER bot_senders_changed AFTER UPDATE ON telegram_session
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bot_senders_changed();

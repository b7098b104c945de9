-- Every change GET /bot/state would show is announced to the live streams (GET /bot/events), not
-- only the bot row's status, errors, next run and posts (V55, V80) and a session's state and
-- account (V35). Before, these reached an open dashboard only with the bot's next cycle, or never
-- for a stopped or idle bot: a session cooling down or its reason, a plan change, a user bot
-- verified, the target groups, delays, schedule or the day's post count.
--
-- The announcement names the account whose state the row is part of (the session's account before
-- and after a reassignment), only while a node listens. These tables are written by the API, the
-- admin, the sweeps and the engine's penalties, one row per request or event; the engine's flush
-- writes none of them except the bot row, whose trigger keeps skipping the flush (it announces its
-- own rows, V55). pg_notify sends one notification per distinct payload and transaction, so a save
-- of ten target groups announces once.

CREATE FUNCTION bot_state_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before_id bigint;
  after_id bigint;
BEGIN
  IF NOT bot_event_listeners_present() THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'account' THEN
    after_id := NEW.id;
  ELSIF TG_TABLE_NAME = 'telegram_session' THEN
    IF TG_OP <> 'INSERT' THEN before_id := OLD.assigned_account_id; END IF;
    IF TG_OP <> 'DELETE' THEN after_id := NEW.assigned_account_id; END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN before_id := OLD.account_id; END IF;
    IF TG_OP <> 'DELETE' THEN after_id := NEW.account_id; END IF;
  END IF;
  IF after_id IS NOT NULL THEN
    PERFORM pg_notify('herald_events', 'state:' || after_id);
  END IF;
  IF before_id IS NOT NULL AND before_id IS DISTINCT FROM after_id THEN
    PERFORM pg_notify('herald_events', 'state:' || before_id);
  END IF;
  RETURN NULL;
END
$$;

-- The bot row: every column the state statement reads (JpaBotStateReads.STATE). Still nothing for
-- a claim or a lease extension, and nothing for the engine's flush.
DROP TRIGGER bot_state_updated ON bot;
CREATE TRIGGER bot_state_updated AFTER UPDATE ON bot
  FOR EACH ROW
  WHEN (NOT engine_flush_announces()
        AND (OLD.status, OLD.stop_reason, OLD.last_error_reason, OLD.next_run_at,
             OLD.post_type, OLD.post_text, OLD.forward_source, OLD.content_json,
             OLD.delay_between_posts_s, OLD.delay_between_cycles_s, OLD.jitter_percent,
             OLD.time_zone, OLD.active_hours, OLD.min_group_interval_min,
             OLD.posts_day, OLD.posts_today)
            IS DISTINCT FROM
            (NEW.status, NEW.stop_reason, NEW.last_error_reason, NEW.next_run_at,
             NEW.post_type, NEW.post_text, NEW.forward_source, NEW.content_json,
             NEW.delay_between_posts_s, NEW.delay_between_cycles_s, NEW.jitter_percent,
             NEW.time_zone, NEW.active_hours, NEW.min_group_interval_min,
             NEW.posts_day, NEW.posts_today))
  EXECUTE FUNCTION bot_state_of_row();

-- (An inserted or deleted bot row is announced by V35's bot_state_inserted and bot_state_deleted.)

CREATE TRIGGER bot_target_groups_changed AFTER INSERT OR UPDATE OR DELETE ON bot_target_group
  FOR EACH ROW EXECUTE FUNCTION bot_state_of_row();

-- The plan's limits (the state's plan cuts, daily cap and pause).
CREATE TRIGGER account_plan_changed AFTER UPDATE ON account
  FOR EACH ROW
  WHEN ((OLD.max_sessions, OLD.max_groups, OLD.min_delay_between_posts_s,
         OLD.min_delay_between_cycles_s, OLD.max_posts_per_day, OLD.max_media_bytes,
         OLD.max_media_count, OLD.max_posts_per_bot, OLD.max_buttons)
        IS DISTINCT FROM
        (NEW.max_sessions, NEW.max_groups, NEW.min_delay_between_posts_s,
         NEW.min_delay_between_cycles_s, NEW.max_posts_per_day, NEW.max_media_bytes,
         NEW.max_media_count, NEW.max_posts_per_bot, NEW.max_buttons))
  EXECUTE FUNCTION bot_state_of_row();

CREATE TRIGGER user_bot_state_changed AFTER INSERT OR DELETE ON user_bot
  FOR EACH ROW EXECUTE FUNCTION bot_state_of_row();

CREATE TRIGGER user_bot_state_updated AFTER UPDATE ON user_bot
  FOR EACH ROW
  WHEN ((OLD.username, OLD.token_masked, OLD.verified, OLD.status, OLD.verified_transport)
        IS DISTINCT FROM
        (NEW.username, NEW.token_masked, NEW.verified, NEW.status, NEW.verified_transport))
  EXECUTE FUNCTION bot_state_of_row();

-- A session as its account's sender: assigned or not, its state, why, until when it waits. Its
-- proxy, login progress and timestamps change nothing the state shows. V35's statement trigger, which
-- copied every updated session row into transition tables and missed the wait and its reason, goes.
DROP TRIGGER bot_senders_changed ON telegram_session;
DROP FUNCTION bot_senders_changed();

CREATE TRIGGER session_state_changed AFTER INSERT OR DELETE ON telegram_session
  FOR EACH ROW EXECUTE FUNCTION bot_state_of_row();

CREATE TRIGGER session_state_updated AFTER UPDATE ON telegram_session
  FOR EACH ROW
  WHEN ((OLD.assigned_account_id, OLD.phone_masked, OLD.state, OLD.state_reason,
         OLD.flood_wait_until)
        IS DISTINCT FROM
        (NEW.assigned_account_id, NEW.phone_masked, NEW.state, NEW.state_reason,
         NEW.flood_wait_until))
  EXECUTE FUNCTION bot_state_of_row();

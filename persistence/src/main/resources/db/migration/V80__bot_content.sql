-- Issue 15: a bot's posts (formats, variants, buttons) and their rotation, as one JSON document
-- (dev.herald.domain.content.BotPostsJson). NULL on rows saved before: their one post is the flat
-- columns, which keep holding the first post. A formatted source may exceed Telegram's 4096
-- characters (the limit is counted after parsing), so post_text loses its length cap.
ALTER TABLE bot ADD COLUMN content_json TEXT;
-- V55's bot_state_updated trigger reads post_text, and PostgreSQL refuses to change the type of a
-- column a trigger reads: it is dropped around the change and created again exactly as V55 made it.
DROP TRIGGER bot_state_updated ON bot;
ALTER TABLE bot ALTER COLUMN post_text TYPE TEXT;
CREATE TRIGGER bot_state_updated AFTER UPDATE ON bot
  FOR EACH ROW
  WHEN (NOT engine_flush_announces()
        AND (OLD.status, OLD.stop_reason, OLD.last_error_reason, OLD.next_run_at,
             OLD.post_text, OLD.forward_source, OLD.post_type)
            IS DISTINCT FROM
            (NEW.status, NEW.stop_reason, NEW.last_error_reason, NEW.next_run_at,
             NEW.post_text, NEW.forward_source, NEW.post_type))
  EXECUTE FUNCTION bot_event_of_row('state');

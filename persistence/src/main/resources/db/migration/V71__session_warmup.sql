-- Issue 14 item 5: a newly added session posts under a lower hourly budget for its first days.
-- A row exists only for a session added while warm-up was configured; its budgets are fixed then
-- (posts per hour on age day 1, 2, ...; past the last day there is no limit). The posts of the
-- current hour are counted here, in PostgreSQL, as the engine starts deliveries (any node), and a
-- session that reaches its hour's budget is paused until the next hour: the usable-session rule
-- (SessionSql.usableNow, Java twin TelegramSession.usable) leaves it out of cycles until then.
CREATE TABLE session_warmup (
    session_id    BIGINT      PRIMARY KEY REFERENCES telegram_session (id) ON DELETE CASCADE,
    started_at    TIMESTAMPTZ NOT NULL,
    budgets       INT[]       NOT NULL CHECK (array_length(budgets, 1) >= 1 AND 0 < ALL (budgets)),
    hour          TIMESTAMPTZ,
    posts         INT         NOT NULL DEFAULT 0,
    paused_until  TIMESTAMPTZ
);

-- The session's age day at a time: 1 on the day it was added. Java twin: SessionWarmup.ageDay.
CREATE FUNCTION session_warmup_day(started_at TIMESTAMPTZ, at TIMESTAMPTZ) RETURNS INT
    LANGUAGE sql IMMUTABLE AS
$$ SELECT floor(extract(epoch FROM at - started_at) / 86400)::int + 1 $$;

-- Counts the posts each warming session starts, per statement (one update per batch of
-- deliveries, only for the sessions that have a warm-up row), and pauses a session that reached
-- its budget for this hour until the hour ends. Sessions past their warm-up are left alone.
CREATE FUNCTION session_warmup_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    this_hour TIMESTAMPTZ := date_trunc('hour', now());
BEGIN
    -- Most of the time no session warms up: then the batch is not even grouped.
    IF NOT EXISTS (SELECT 1 FROM session_warmup) THEN
        RETURN NULL;
    END IF;
    UPDATE session_warmup w
       SET posts = u.posts,
           hour = this_hour,
           paused_until = CASE WHEN u.posts >= u.budget THEN this_hour + interval '1 hour'
                               ELSE w.paused_until END
      FROM (SELECT c.session_id,
                   CASE WHEN c.hour = this_hour THEN c.posts ELSE 0 END + n.posts AS posts,
                   c.budgets[session_warmup_day(c.started_at, now())] AS budget
              FROM (SELECT sender_id, count(*)::int AS posts FROM new_rows
                     WHERE sender_kind = 'SESSION' GROUP BY sender_id) n
              JOIN session_warmup c ON c.session_id = n.sender_id) u
     WHERE w.session_id = u.session_id AND u.budget IS NOT NULL;
    RETURN NULL;
END $$;

CREATE TRIGGER session_warmup_count AFTER INSERT ON delivery_record
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION session_warmup_count();

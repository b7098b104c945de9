-- A post the sender could not make (a flood wait, a ban, a session that cannot send from here: Telegram
-- sent nothing, SendOutcome.SENDER_FAULTS) may be made by another sender in the same cycle: the cycle's
-- continuation deals the chat again and LedgerSql.BEGIN_DELIVERIES reopens its record, once. The first
-- attempt's outcome moves here: it marks the record as retried (never reopened again, so a chat whose
-- senders keep failing cannot keep its cycle going) and says why the post went out later, or not at all.
-- NULL for a record attempted once, as every record before this migration.
ALTER TABLE delivery_record ADD COLUMN retried_after VARCHAR(32);

-- A reopened record starts a post like an inserted one, so it counts against its new sender's warm-up
-- budget too (V71's statement trigger sees inserted rows only). UPDATE OF retried_after: only the reopen
-- sets that column, so the engine's flush, which updates every record's outcome, never fires it.
CREATE FUNCTION session_warmup_count_reopened() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    this_hour TIMESTAMPTZ := date_trunc('hour', now());
BEGIN
    UPDATE session_warmup w
       SET posts = u.posts,
           hour = this_hour,
           paused_until = CASE WHEN u.posts >= u.budget THEN this_hour + interval '1 hour'
                               ELSE w.paused_until END
      FROM (SELECT c.session_id,
                   CASE WHEN c.hour = this_hour THEN c.posts ELSE 0 END + 1 AS posts,
                   c.budgets[session_warmup_day(c.started_at, now())] AS budget
              FROM session_warmup c WHERE c.session_id = NEW.sender_id) u
     WHERE w.session_id = u.session_id AND u.budget IS NOT NULL;
    RETURN NULL;
END $$;

CREATE TRIGGER session_warmup_count_reopened AFTER UPDATE OF retried_after ON delivery_record
    FOR EACH ROW
    WHEN (NEW.sender_kind = 'SESSION' AND OLD.retried_after IS NULL AND NEW.retried_after IS NOT NULL)
    EXECUTE FUNCTION session_warmup_count_reopened();

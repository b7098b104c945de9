-- A post Telegram refused to its sender (a flood wait, a ban, a spam limit, a refused bot token: it sent
-- nothing, SendOutcome.SENDER_REFUSALS) may be made by another sender in the same cycle: the cycle's
-- continuation deals the chat again and LedgerSql.BEGIN_DELIVERIES reopens its record, once. The first
-- attempt's outcome moves here: it marks the record as retried (never reopened again, so a chat whose
-- senders keep failing cannot keep its cycle going) and says why the post went out later, or not at all.
-- NULL for a record attempted once, as every record before this migration.
ALTER TABLE delivery_record ADD COLUMN retried_after VARCHAR(32);


-- A reopened record starts a post like an inserted one, so it counts against its new sender's warm-up
-- budget too; V71's trigger counts inserted rows only. JdbcDeliveryLedger calls this with the sessions
-- of the records a begin reopened, which is rare: a row trigger on delivery_record's updates, or a step
-- in every begin statement, would cost every post of the engine for it. The count is V71's.
CREATE FUNCTION session_warmup_add(senders BIGINT[]) RETURNS void LANGUAGE sql AS $$
    UPDATE session_warmup w
       SET posts = u.posts,
           hour = date_trunc('hour', now()),
           paused_until = CASE WHEN u.posts >= u.budget THEN date_trunc('hour', now()) + interval '1 hour'
                               ELSE w.paused_until END
      FROM (SELECT c.session_id,
                   CASE WHEN c.hour = date_trunc('hour', now()) THEN c.posts ELSE 0 END + n.posts AS posts,
                   c.budgets[session_warmup_day(c.started_at, now())] AS budget
              FROM (SELECT s AS sender_id, count(*)::int AS posts FROM unnest(senders) s GROUP BY s) n
              JOIN session_warmup c ON c.session_id = n.sender_id) u
     WHERE w.session_id = u.session_id AND u.budget IS NOT NULL
$$;

-- The engine's write-behind writes its finished posts and completed cycles in one transaction, a flush
-- (LedgerSql.FLUSH). When the commit fails, the node cannot tell whether it went through (the connection
-- may have been lost as the commit went out), and retries the flush. Applied twice, a flush would count
-- its cycles' posts again (bot_stats), log their activity entries again, announce their deliveries again
-- (delivery_event) and could complete the continuation of a cycle handed back and leased again since.
-- So each flush names its writer (one per engine start) and its number, increasing; a retry carries its
-- first attempt's number and no item added. The flush's first statement records the number, and fails
-- with SQLSTATE LF001 (a class the standard leaves to implementations, unused by PostgreSQL) for a number not above the writer's last one: that flush was committed already,
-- and JdbcDeliveryLedger takes the failure as done. One row per writer, updated by every flush of that
-- writer only, so never contended; housekeeping deletes the rows of writers long gone.
CREATE TABLE ledger_flush (
    writer UUID PRIMARY KEY,
    flush_number BIGINT NOT NULL,
    flushed_at TIMESTAMPTZ NOT NULL
);

CREATE FUNCTION ledger_flush_begin(flush_writer UUID, number BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_flush AS f (writer, flush_number, flushed_at) VALUES (flush_writer, number, now())
        ON CONFLICT (writer) DO UPDATE SET flush_number = EXCLUDED.flush_number, flushed_at = now()
        WHERE f.flush_number < EXCLUDED.flush_number;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'flush % of writer % was committed already', number, flush_writer
            USING ERRCODE = 'LF001';
    END IF;
END
$$;

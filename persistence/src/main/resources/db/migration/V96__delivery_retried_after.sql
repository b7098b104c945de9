-- A post Telegram refused to its sender (a flood wait, a ban, a spam limit, a refused bot token: it sent
-- nothing, SendOutcome.SENDER_REFUSALS) may be made by another sender in the same cycle: the cycle's
-- continuation deals the chat again and LedgerSql.BEGIN_DELIVERIES reopens its record, once. The first
-- attempt's outcome moves here: it marks the record as retried (never reopened again, so a chat whose
-- senders keep failing cannot keep its cycle going) and says why the post went out later, or not at all.
-- NULL for a record attempted once, as every record before this migration.
ALTER TABLE delivery_record ADD COLUMN retried_after VARCHAR(32);


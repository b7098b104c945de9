-- A session's targets in every account it posted for (issue 13, join pace and spam limit per
-- session): Telegram paces joins and counts new chats per account, whatever tenant the session
-- posts for, and a session moves between accounts (released, reassigned, a replacement). The
-- engine reads a session's rows of the other accounts by this index; sender_id never changes, so
-- it costs no HOT update.
CREATE INDEX chat_target_by_session ON chat_target (sender_id) WHERE sender_kind = 'SESSION';

-- When the session was last assigned to an account while it had records in another one: only such a
-- session, moved within the last two days, has records elsewhere that still count, so the engine
-- reads them for no other session. Sessions that moved before this column existed are marked now.
ALTER TABLE telegram_session ADD COLUMN moved_at TIMESTAMPTZ;
UPDATE telegram_session s SET moved_at = now()
 WHERE s.assigned_account_id IS NOT NULL
   AND EXISTS (SELECT 1 FROM chat_target t
                WHERE t.sender_kind = 'SESSION' AND t.sender_id = s.id
                  AND t.account_id <> s.assigned_account_id);

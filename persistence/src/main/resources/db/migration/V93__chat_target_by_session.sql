-- A session's targets in every account it posted for (issue 13, join pace and spam limit per
-- session): Telegram paces joins and counts new chats per account, whatever tenant the session
-- posts for, and a session moves between accounts (released, reassigned, a replacement). The
-- engine reads a session's rows of the other accounts only before a join or a post into a chat
-- the session is new in, by this index; sender_id never changes, so it costs no HOT update.
CREATE INDEX chat_target_by_session ON chat_target (sender_id) WHERE sender_kind = 'SESSION';

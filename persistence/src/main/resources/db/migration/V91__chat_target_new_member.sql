-- Telegram's spam limit (PEER_FLOOD: one text to more than ~20 chats the account joined within the
-- last day) needs two facts per sender and chat (TargetRules.beforeSend): member_since, when the
-- sender became a member as far as Herald saw it (its join, or a chat that admitted it on contact;
-- a join request counts from its approval), and posted_new_at, its first post there while new.
-- The engine reads them with the account's targets once per cycle and writes them with its other
-- target changes; posted_new_at is written once per chat, on the first day only.
ALTER TABLE chat_target ADD COLUMN member_since TIMESTAMPTZ;
ALTER TABLE chat_target ADD COLUMN posted_new_at TIMESTAMPTZ;
UPDATE chat_target SET member_since = joined_at WHERE membership = 'JOINED';

-- Targets per sender (issue 13): what Herald knows of one chat for one sender of one account.
-- chat_ref is the canonical reference of the bot config (bot_target_group.chat_ref); chat_id the
-- resolved Telegram id (NULL until resolved: a username is resolved once, never twice);
-- next_post_at the next time this sender may post there (slow mode, a flood wait, a paced join or
-- the next check of a join request); joined_at the sender's last join (joins are paced per hour).
-- The engine reads one account's rows once per cycle (the primary key's prefix) and writes only
-- changes, in its write-behind batches. A sender that leaves (ban, replacement) keeps its rows
-- until the account goes: its replacement has its own and joins in turn.
CREATE TABLE chat_target (
    account_id          BIGINT       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    sender_kind         VARCHAR(16)  NOT NULL CHECK (sender_kind IN ('SESSION', 'USER_BOT')),
    sender_id           BIGINT       NOT NULL,
    chat_ref            VARCHAR(300) NOT NULL,
    chat_id             BIGINT,
    title               VARCHAR(256),
    membership          VARCHAR(20)  NOT NULL CHECK (membership IN
                            ('JOINED', 'JOIN_REQUESTED', 'NOT_MEMBER', 'BANNED_IN_CHAT',
                             'WRITE_FORBIDDEN')),
    slow_mode_seconds   INTEGER      NOT NULL DEFAULT 0 CHECK (slow_mode_seconds >= 0),
    next_post_at        TIMESTAMPTZ,
    joined_at           TIMESTAMPTZ,
    last_error_code     VARCHAR(64),
    last_error_message  VARCHAR(500),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, sender_kind, sender_id, chat_ref)
);

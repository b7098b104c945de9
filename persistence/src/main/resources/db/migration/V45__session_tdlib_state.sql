-- What TDLib needs to reopen a logged-in session (its binlog, encrypted by TDLib with the
-- session's database key), encrypted again with Herald's data key (DataCipher, "v1:<kid>:..."),
-- so that any node can open any session and a node's TDLib folder is only a cache.
-- snapshot_sha256 is the hash of the plain snapshot: an unchanged state is not rewritten.
CREATE TABLE session_tdlib_state (
    session_id       BIGINT        PRIMARY KEY REFERENCES telegram_session (id) ON DELETE CASCADE,
    ciphertext       TEXT          NOT NULL,
    snapshot_sha256  CHAR(64)      NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    updated_by_node  VARCHAR(100)  NOT NULL
);

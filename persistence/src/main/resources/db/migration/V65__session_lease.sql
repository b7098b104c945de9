-- SPEC rule 15: one node at a time has a session's TDLib client open. A node takes the lease
-- before opening the client, the engine's heartbeat extends every lease of its node in one
-- statement (by owner_node, hence the index), and it is deleted after the client closed. A dead
-- node's leases run out at lease_until and another node takes them (SessionLease, JdbcSessionLeases).
-- No foreign key to telegram_session: a login takes the lease on the direct pool while the request's
-- transaction that adds the session has not committed yet; a lease of a deleted session is only a
-- row nobody deals, given back when its client closes.
CREATE TABLE session_lease (
    session_id   BIGINT        PRIMARY KEY,
    owner_node   VARCHAR(100)  NOT NULL,
    lease_until  TIMESTAMPTZ   NOT NULL,
    acquired_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX session_lease_owner_idx ON session_lease (owner_node);

-- Rule 14: a session that cannot send for a reason that is not a ban is parked (NEEDS_LOGIN,
-- UNAVAILABLE), with the reason and since when, never confused with BANNED or REVOKED.
-- An UNAVAILABLE session keeps its account (it comes back by itself); NEEDS_LOGIN leaves it.

ALTER TABLE telegram_session DROP CONSTRAINT telegram_session_state_check;
ALTER TABLE telegram_session DROP CONSTRAINT telegram_session_check;

ALTER TABLE telegram_session
    ADD CONSTRAINT telegram_session_state_check CHECK (state IN ('PENDING_AUTH', 'UNUSED', 'ASSIGNED',
        'COOLING_DOWN', 'BANNED', 'REVOKED', 'NEEDS_LOGIN', 'UNAVAILABLE')),
    ADD CONSTRAINT telegram_session_assignment_check
        CHECK ((state = 'ASSIGNED') = (assigned_account_id IS NOT NULL)
               OR state IN ('COOLING_DOWN', 'UNAVAILABLE')),
    ADD COLUMN state_reason VARCHAR(200),
    ADD COLUMN state_since  TIMESTAMPTZ;

-- The housekeeping sweep finds parked sessions whose back-off is over without a scan.
CREATE INDEX telegram_session_unavailable_idx ON telegram_session (flood_wait_until)
    WHERE state = 'UNAVAILABLE';

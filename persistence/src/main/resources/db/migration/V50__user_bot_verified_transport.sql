-- A user bot's verification holds only on the transport it was made on (a token checked in the
-- sandbox proves nothing about the real Bot API). Verifications made before this column existed
-- name no transport: those bots must be verified again once, on the transport in use.
ALTER TABLE user_bot ADD COLUMN verified_transport VARCHAR(16);

-- The engine updates a bot row at every claim, lease extension and completion. Free room on each
-- page lets PostgreSQL update a row in place (HOT, no index entries) when no indexed column
-- changes, as in a claim or a lease extension. Applies to pages written from now on.
ALTER TABLE bot SET (fillfactor = 70);
-- A delivery record is updated once, soon after its insert (the outcome): room on the page makes
-- that update HOT too.
ALTER TABLE delivery_record SET (fillfactor = 80);

-- The plan sweeper (every 250 ms) starts from the few accounts whose plan stops bots, not from
-- every running bot.
CREATE INDEX account_plan_blocked_idx ON account (id) WHERE plan_status NOT IN ('ACTIVE', 'TRIAL');
CREATE INDEX account_plan_expires_idx ON account (plan_expires_at);

-- STOPPING bots whose node died are settled once their lease is gone. Not an index on lease_until:
-- an indexed lease column would stop claims and lease extensions from updating rows in place.
CREATE INDEX bot_stopping_idx ON bot (account_id) WHERE status = 'STOPPING';

-- The planned start of the cycle each delivery belongs to (the bot's next_run_at when it was
-- claimed), so scheduling lateness (started_at - planned_at) can be measured exactly per cycle.
ALTER TABLE delivery_record ADD COLUMN planned_at TIMESTAMPTZ;

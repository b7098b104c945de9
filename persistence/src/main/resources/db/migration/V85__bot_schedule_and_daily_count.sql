-- Issue 15, the schedule: jitter on both delays, the tenant's time zone, active hours per weekday
-- (ActiveHours' wire form, NULL for always) and a minimum interval per group (0 for none). The
-- domain validates them (SchedulePolicy); the engine reads them with each claim.
-- The plan's daily cap is counted here, per account per day in the tenant's zone: the day of the
-- count and the posts started on it, added by each cycle's completion (DailyCap).
-- Constant defaults: each column is added without rewriting the table.
ALTER TABLE bot
  ADD COLUMN jitter_percent         SMALLINT    NOT NULL DEFAULT 0,
  ADD COLUMN time_zone              VARCHAR(64) NOT NULL DEFAULT 'UTC',
  ADD COLUMN active_hours           VARCHAR(500),
  ADD COLUMN min_group_interval_min INT         NOT NULL DEFAULT 0,
  ADD COLUMN posts_day              DATE,
  ADD COLUMN posts_today            INT         NOT NULL DEFAULT 0;

-- Posts per bot and buttons per post become plan limits (they were constants of the content
-- policy: 10 and 12). The defaults are those constants, so no existing plan changes; the ceilings
-- are PlanLimits' (100 each: Telegram's inline keyboard takes at most 100 buttons). Access codes
-- embed PlanLimits too (V76).
ALTER TABLE account
    ADD COLUMN max_posts_per_bot INT NOT NULL DEFAULT 10 CHECK (max_posts_per_bot BETWEEN 1 AND 100),
    ADD COLUMN max_buttons INT NOT NULL DEFAULT 12 CHECK (max_buttons BETWEEN 0 AND 100);

ALTER TABLE access_code
    ADD COLUMN max_posts_per_bot INT NOT NULL DEFAULT 10 CHECK (max_posts_per_bot BETWEEN 1 AND 100),
    ADD COLUMN max_buttons INT NOT NULL DEFAULT 12 CHECK (max_buttons BETWEEN 0 AND 100);

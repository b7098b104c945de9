-- Access codes carry a whole plan (PlanLimits is embedded in both account and access_code): the
-- media limits of V75 belong here too, defaults as in PlanLimits.
ALTER TABLE access_code
    ADD COLUMN max_media_bytes BIGINT NOT NULL DEFAULT 10485760
        CHECK (max_media_bytes BETWEEN 1 AND 52428800),
    ADD COLUMN max_media_count INT NOT NULL DEFAULT 100 CHECK (max_media_count >= 0);

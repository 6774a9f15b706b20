-- How many times each sandbox was reset or deleted. Processes tag their per-sandbox caches with
-- the generation they read before loading, and reload when it changed, so a reset made by another
-- process reaches them. The row outlives the sandbox, so a sandbox deleted and created again never
-- repeats a generation that a cache was tagged with.
CREATE TABLE sandbox_generation (
    org_id       VARCHAR(128) NOT NULL,
    sandbox_name VARCHAR(64)  NOT NULL,
    generation   BIGINT       NOT NULL,
    PRIMARY KEY (org_id, sandbox_name)
);

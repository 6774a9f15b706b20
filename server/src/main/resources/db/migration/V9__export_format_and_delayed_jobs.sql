-- File format of an export job's output, taken from the destination dataset's
-- fileDescription.format when the job is created: 'json' (JSON Lines) or 'parquet'.
ALTER TABLE export_job ADD COLUMN file_format VARCHAR(16) DEFAULT 'json' NOT NULL;

-- Earliest time (epoch milliseconds) a queued job may be claimed; null means at once. Streaming
-- ingestion queues profile reports with a delay, so a burst of records causes one report.
ALTER TABLE job ADD COLUMN run_after BIGINT;

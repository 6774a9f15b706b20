-- Delete requests (Adobe's Profile System Jobs). The stored job of type profile-delete whose
-- subject_id is the request id does the work, and its row gives the request's status.
CREATE TABLE profile_system_job (
    org_id           VARCHAR(128) NOT NULL,
    sandbox_name     VARCHAR(64)  NOT NULL,
    id               VARCHAR(36)  NOT NULL,
    dataset_id       VARCHAR(64)  NOT NULL,
    batch_id         VARCHAR(64),
    request_type     VARCHAR(32)  NOT NULL,
    records_deleted  BIGINT       NOT NULL,
    started_at       BIGINT,
    created_at       BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL,
    PRIMARY KEY (org_id, sandbox_name, id)
);

-- The status of a delete request, of a batch and of the report queue is read from its job by subject.
CREATE INDEX job_subject ON job (subject_id, job_type, org_id, sandbox_name);

-- A delete request removes a dataset's rows chunk by chunk, and each chunk looks them up by dataset.
CREATE INDEX profile_fragment_dataset ON profile_fragment (dataset_id, org_id, sandbox_name);
CREATE INDEX experience_event_dataset ON experience_event (dataset_id, org_id, sandbox_name);

-- Profile reports (Adobe's preview sample status). A stored job writes one row per run with
-- every report of the sandbox as one JSON document, and the API reads the newest row of a day.
CREATE TABLE preview_report (
    org_id       VARCHAR(128) NOT NULL,
    sandbox_name VARCHAR(64)  NOT NULL,
    id           VARCHAR(36)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    body         ${text_type} NOT NULL,
    PRIMARY KEY (org_id, sandbox_name, id)
);
CREATE INDEX preview_report_time ON preview_report (org_id, sandbox_name, created_at);

-- Sandbox API: the display title, type and state of a sandbox. Sandboxes created on first use
-- leave them null, and the API shows defaults for them.
ALTER TABLE sandbox ADD COLUMN title VARCHAR(256);
ALTER TABLE sandbox ADD COLUMN sandbox_type VARCHAR(16);
ALTER TABLE sandbox ADD COLUMN state VARCHAR(16);
ALTER TABLE sandbox ADD COLUMN updated_at BIGINT;

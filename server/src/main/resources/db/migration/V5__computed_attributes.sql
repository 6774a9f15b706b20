-- Computed attributes and their partial aggregates.

-- Named locks per sandbox, for changes whose rules span several rows (a maximum count, unique
-- names). A row is inserted on first use and then locked with SELECT ... FOR UPDATE, which works
-- the same on H2 and PostgreSQL and does not wait for the identity graph lock of ingestion.
CREATE TABLE sandbox_lock (
    org_id       VARCHAR(128) NOT NULL,
    sandbox_name VARCHAR(64)  NOT NULL,
    lock_name    VARCHAR(64)  NOT NULL,
    PRIMARY KEY (org_id, sandbox_name, lock_name)
);

CREATE TABLE computed_attribute (
    org_id          VARCHAR(128)  NOT NULL,
    sandbox_name    VARCHAR(64)   NOT NULL,
    id              VARCHAR(64)   NOT NULL,
    name            VARCHAR(64)   NOT NULL,
    display_name    VARCHAR(256)  NOT NULL,
    description     VARCHAR(4096),
    -- CURRENT or LEGACY: the API generation that created the attribute, which decides its path
    generation      VARCHAR(16)   NOT NULL,
    -- parent path of the value's field, levels separated by dots
    parent_path     VARCHAR(1024) NOT NULL,
    expression      ${text_type}  NOT NULL,
    duration_count  INTEGER,
    duration_unit   VARCHAR(16),
    keep_current    BOOLEAN       NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    merge_function  VARCHAR(16)   NOT NULL,
    return_type     VARCHAR(16)   NOT NULL,
    created_at      BIGINT        NOT NULL,
    updated_at      BIGINT        NOT NULL,
    evaluated_at    BIGINT,
    PRIMARY KEY (org_id, sandbox_name, id),
    CONSTRAINT computed_attribute_name UNIQUE (org_id, sandbox_name, name)
);

-- Partial aggregate of one attribute over the events of one primary identity in one time bucket
-- (an hour or a day, see the attribute). Values are read by merging the buckets of a person's
-- identities, so the key leads with the identity like the other per-record tables.
CREATE TABLE computed_value (
    primary_xid   VARCHAR(64)   NOT NULL,
    attribute_id  VARCHAR(64)   NOT NULL,
    bucket_start  BIGINT        NOT NULL,
    org_id        VARCHAR(128)  NOT NULL,
    sandbox_name  VARCHAR(64)   NOT NULL,
    state         ${text_type}  NOT NULL,
    PRIMARY KEY (primary_xid, attribute_id, bucket_start, org_id, sandbox_name)
);
CREATE INDEX computed_value_attribute ON computed_value (attribute_id, org_id, sandbox_name);

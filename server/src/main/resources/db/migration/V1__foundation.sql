-- Foundation schema of openprofile. Portable SQL for H2 and PostgreSQL: times are epoch
-- milliseconds in BIGINT columns, JSON documents are text, and the two column types that differ
-- between the stores come from Flyway placeholders (binary_type, text_type).
-- Every tenant-owned table has (org_id, sandbox_name) in its key, and every query names them, so
-- that no query can leave a tenant. The tables written per record (identities, links, fragments,
-- events) put their own id first in the key instead. Before PostgreSQL has statistics for a new
-- table it cannot tell apart indexes that share the leading tenant columns, so during a first
-- large batch it would scan a whole sandbox for every record.

CREATE TABLE sandbox (
    org_id       VARCHAR(128) NOT NULL,
    sandbox_name VARCHAR(64)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    PRIMARY KEY (org_id, sandbox_name)
);

CREATE TABLE identity_namespace (
    org_id       VARCHAR(128) NOT NULL,
    sandbox_name VARCHAR(64)  NOT NULL,
    id           INTEGER      NOT NULL,
    code         VARCHAR(64)  NOT NULL,
    code_lower   VARCHAR(64)  NOT NULL,
    name         VARCHAR(256) NOT NULL,
    description  VARCHAR(2048),
    id_type      VARCHAR(32)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    updated_at   BIGINT       NOT NULL,
    PRIMARY KEY (org_id, sandbox_name, id),
    CONSTRAINT identity_namespace_code UNIQUE (org_id, sandbox_name, code_lower)
);

-- Schema Registry documents: field groups, data types and schemas of the tenant.
CREATE TABLE xdm_resource (
    org_id       VARCHAR(128) NOT NULL,
    sandbox_name VARCHAR(64)  NOT NULL,
    resource_id  VARCHAR(512) NOT NULL,
    alt_id       VARCHAR(512) NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    title        VARCHAR(512) NOT NULL,
    class_id     VARCHAR(512),
    body         ${text_type} NOT NULL,
    created_at   BIGINT       NOT NULL,
    updated_at   BIGINT       NOT NULL,
    PRIMARY KEY (org_id, sandbox_name, resource_id),
    CONSTRAINT xdm_resource_alt_id UNIQUE (org_id, sandbox_name, alt_id)
);

CREATE TABLE xdm_descriptor (
    org_id          VARCHAR(128) NOT NULL,
    sandbox_name    VARCHAR(64)  NOT NULL,
    id              VARCHAR(64)  NOT NULL,
    descriptor_type VARCHAR(64)  NOT NULL,
    schema_id       VARCHAR(512) NOT NULL,
    source_property VARCHAR(1024),
    namespace_code  VARCHAR(64),
    is_primary      BOOLEAN      NOT NULL,
    body            ${text_type} NOT NULL,
    created_at      BIGINT       NOT NULL,
    PRIMARY KEY (org_id, sandbox_name, id)
);
CREATE INDEX xdm_descriptor_schema ON xdm_descriptor (org_id, sandbox_name, schema_id);

CREATE TABLE dataset (
    org_id           VARCHAR(128) NOT NULL,
    sandbox_name     VARCHAR(64)  NOT NULL,
    id               VARCHAR(64)  NOT NULL,
    name             VARCHAR(512) NOT NULL,
    schema_id        VARCHAR(512) NOT NULL,
    schema_class     VARCHAR(512) NOT NULL,
    profile_enabled  BOOLEAN      NOT NULL,
    identity_enabled BOOLEAN      NOT NULL,
    body             ${text_type} NOT NULL,
    created_at       BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL,
    PRIMARY KEY (org_id, sandbox_name, id)
);

CREATE TABLE batch (
    org_id            VARCHAR(128) NOT NULL,
    sandbox_name      VARCHAR(64)  NOT NULL,
    id                VARCHAR(64)  NOT NULL,
    dataset_id        VARCHAR(64)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    input_format      VARCHAR(16)  NOT NULL,
    multi_line_json   BOOLEAN      NOT NULL,
    records_read      BIGINT,
    records_written   BIGINT,
    records_failed    BIGINT,
    errors            ${text_type},
    created_at        BIGINT       NOT NULL,
    updated_at        BIGINT       NOT NULL,
    started_at        BIGINT,
    completed_at      BIGINT,
    PRIMARY KEY (org_id, sandbox_name, id)
);
CREATE INDEX batch_dataset ON batch (org_id, sandbox_name, dataset_id);

CREATE TABLE batch_file (
    org_id       VARCHAR(128)  NOT NULL,
    sandbox_name VARCHAR(64)   NOT NULL,
    batch_id     VARCHAR(64)   NOT NULL,
    file_name    VARCHAR(1024) NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    content      ${binary_type} NOT NULL,
    created_at   BIGINT        NOT NULL,
    PRIMARY KEY (org_id, sandbox_name, batch_id, file_name)
);

CREATE TABLE batch_failed_record (
    org_id       VARCHAR(128)  NOT NULL,
    sandbox_name VARCHAR(64)   NOT NULL,
    batch_id     VARCHAR(64)   NOT NULL,
    file_name    VARCHAR(1024) NOT NULL,
    record_index BIGINT        NOT NULL,
    errors       ${text_type}  NOT NULL,
    record       ${text_type},
    PRIMARY KEY (org_id, sandbox_name, batch_id, file_name, record_index)
);

-- Stored jobs: any server process on the same database may claim a job whose lease expired.
CREATE TABLE job (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    org_id           VARCHAR(128)  NOT NULL,
    sandbox_name     VARCHAR(64)   NOT NULL,
    job_type         VARCHAR(32)   NOT NULL,
    subject_id       VARCHAR(64)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    lease_owner      VARCHAR(64),
    lease_expires_at BIGINT,
    progress_done    BIGINT,
    progress_total   BIGINT,
    last_error       VARCHAR(2048),
    created_at       BIGINT        NOT NULL,
    updated_at       BIGINT        NOT NULL
);
CREATE INDEX job_claimable ON job (status, lease_expires_at);

-- Identity graph: one row per identity; identities of one person share a cluster id.
CREATE TABLE identity_node (
    org_id         VARCHAR(128)  NOT NULL,
    sandbox_name   VARCHAR(64)   NOT NULL,
    namespace_code VARCHAR(64)   NOT NULL,
    id_value       VARCHAR(1024) NOT NULL,
    xid            VARCHAR(64)   NOT NULL,
    cluster_id     VARCHAR(64)   NOT NULL,
    created_at     BIGINT        NOT NULL,
    PRIMARY KEY (namespace_code, id_value, org_id, sandbox_name)
);
-- The most selective column leads every index of the per-record tables, see the top of this file;
-- H2 also uses an IN list on an index only when the list's column comes first.
CREATE UNIQUE INDEX identity_node_xid ON identity_node (xid, org_id, sandbox_name);
CREATE INDEX identity_node_cluster ON identity_node (cluster_id, org_id, sandbox_name);

CREATE TABLE identity_link (
    org_id       VARCHAR(128) NOT NULL,
    sandbox_name VARCHAR(64)  NOT NULL,
    from_xid     VARCHAR(64)  NOT NULL,
    to_xid       VARCHAR(64)  NOT NULL,
    dataset_id   VARCHAR(64)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    PRIMARY KEY (from_xid, to_xid, org_id, sandbox_name)
);

-- Profile records: one per dataset and primary identity; a later record replaces it.
CREATE TABLE profile_fragment (
    org_id       VARCHAR(128) NOT NULL,
    sandbox_name VARCHAR(64)  NOT NULL,
    dataset_id   VARCHAR(64)  NOT NULL,
    primary_xid  VARCHAR(64)  NOT NULL,
    batch_id     VARCHAR(64)  NOT NULL,
    record       ${text_type} NOT NULL,
    identity_xids VARCHAR(4000) NOT NULL,
    record_time  BIGINT       NOT NULL,
    ingested_at  BIGINT       NOT NULL,
    PRIMARY KEY (primary_xid, dataset_id, org_id, sandbox_name)
);
CREATE INDEX profile_fragment_batch ON profile_fragment (batch_id, org_id, sandbox_name);

-- Experience events: keyed by dataset, _id and primary identity, so a retried batch replaces
-- instead of duplicating.
CREATE TABLE experience_event (
    org_id       VARCHAR(128) NOT NULL,
    sandbox_name VARCHAR(64)  NOT NULL,
    dataset_id   VARCHAR(64)  NOT NULL,
    event_id     VARCHAR(256) NOT NULL,
    primary_xid  VARCHAR(64)  NOT NULL,
    batch_id     VARCHAR(64)  NOT NULL,
    event_time   BIGINT       NOT NULL,
    record       ${text_type} NOT NULL,
    identity_xids VARCHAR(4000) NOT NULL,
    ingested_at  BIGINT       NOT NULL,
    PRIMARY KEY (primary_xid, dataset_id, event_id, org_id, sandbox_name)
);
CREATE INDEX experience_event_identity ON experience_event (primary_xid, org_id, sandbox_name, event_time);
CREATE INDEX experience_event_batch ON experience_event (batch_id, org_id, sandbox_name);

-- Streaming connections carry their tenant and dataset, because streaming requests may come
-- without platform headers.
CREATE TABLE streaming_connection (
    id                      VARCHAR(64)  NOT NULL PRIMARY KEY,
    org_id                  VARCHAR(128) NOT NULL,
    sandbox_name            VARCHAR(64)  NOT NULL,
    dataset_id              VARCHAR(64)  NOT NULL,
    name                    VARCHAR(512) NOT NULL,
    authentication_required BOOLEAN      NOT NULL,
    created_at              BIGINT       NOT NULL
);
CREATE INDEX streaming_connection_tenant ON streaming_connection (org_id, sandbox_name);

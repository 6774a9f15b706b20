-- Edge projection configuration: destinations (edge data centres) and the projection
-- configurations that point at them. openprofile only stores them, because it has no edge network.
-- Portable SQL for H2 and PostgreSQL, keyed by tenant like the configuration tables of V1.

CREATE TABLE edge_destination (
    org_id             VARCHAR(128) NOT NULL,
    sandbox_name       VARCHAR(64)  NOT NULL,
    id                 VARCHAR(64)  NOT NULL,
    destination_type   VARCHAR(16)  NOT NULL,
    -- The data centres as sent, comma-separated, and the same set sorted. The sorted form makes
    -- two destinations with the same type and set of data centres a unique-key violation.
    data_centers       VARCHAR(256) NOT NULL,
    data_centers_key   VARCHAR(256) NOT NULL,
    ttl_seconds        INTEGER      NOT NULL,
    replication_policy VARCHAR(16)  NOT NULL,
    version            INTEGER      NOT NULL,
    created_at         BIGINT       NOT NULL,
    updated_at         BIGINT       NOT NULL,
    PRIMARY KEY (org_id, sandbox_name, id),
    CONSTRAINT edge_destination_data_centers UNIQUE (org_id, sandbox_name, destination_type, data_centers_key)
);

CREATE TABLE edge_projection (
    org_id          VARCHAR(128)  NOT NULL,
    sandbox_name    VARCHAR(64)   NOT NULL,
    id              VARCHAR(64)   NOT NULL,
    schema_name     VARCHAR(128)  NOT NULL,
    -- NULL for an unnamed configuration; the unique key ignores NULLs on both stores.
    name            VARCHAR(256),
    selector        ${text_type}  NOT NULL,
    destination_id  VARCHAR(64)   NOT NULL,
    merge_policy_id VARCHAR(128)  NOT NULL,
    version         INTEGER       NOT NULL,
    created_at      BIGINT        NOT NULL,
    updated_at      BIGINT        NOT NULL,
    PRIMARY KEY (org_id, sandbox_name, id),
    CONSTRAINT edge_projection_name UNIQUE (org_id, sandbox_name, schema_name, name),
    -- The service checks references before it deletes a destination; the key is the backstop.
    CONSTRAINT edge_projection_destination FOREIGN KEY (org_id, sandbox_name, destination_id)
        REFERENCES edge_destination (org_id, sandbox_name, id)
);
CREATE INDEX edge_projection_by_destination ON edge_projection (org_id, sandbox_name, destination_id);

-- Merge policies of each sandbox. The sandbox's system default policy is created the first time
-- the sandbox's policies are used, together with its merge_policy_sandbox row.

-- One row per sandbox whose policies exist. Every change to a sandbox's policies first locks this
-- row, so rules that span policies (one default per schema, one policy active on edge, the
-- maximum count) hold under concurrent requests on H2 and PostgreSQL alike.
CREATE TABLE merge_policy_sandbox (
    org_id       VARCHAR(128) NOT NULL,
    sandbox_name VARCHAR(64)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    PRIMARY KEY (org_id, sandbox_name)
);

CREATE TABLE merge_policy (
    org_id          VARCHAR(128) NOT NULL,
    sandbox_name    VARCHAR(64)  NOT NULL,
    id              VARCHAR(64)  NOT NULL,
    name            VARCHAR(256) NOT NULL,
    schema_name     VARCHAR(128) NOT NULL,
    identity_graph  VARCHAR(16)  NOT NULL,
    attribute_merge VARCHAR(32)  NOT NULL,
    -- JSON array of dataset ids, highest priority first
    dataset_order   ${text_type} NOT NULL,
    is_default      BOOLEAN      NOT NULL,
    active_on_edge  BOOLEAN      NOT NULL,
    version         INTEGER      NOT NULL,
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL,
    PRIMARY KEY (org_id, sandbox_name, id),
    CONSTRAINT merge_policy_name UNIQUE (org_id, sandbox_name, name)
);

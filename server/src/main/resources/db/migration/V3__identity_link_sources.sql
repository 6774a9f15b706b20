-- Where identity links come from, so that the identity graph endpoints can report which datasets
-- and batches joined two identities. One row per link and dataset: the first and the latest batch of
-- that dataset whose records carried the link, and when. A link therefore lists at most two
-- batches per dataset. Streamed records belong to no batch and leave the batch columns unchanged
-- (NULL when the dataset only ever streamed the link).
-- Like identity_link, the key starts with the row's own ids, see the top of V1.
CREATE TABLE identity_link_source (
    org_id         VARCHAR(128) NOT NULL,
    sandbox_name   VARCHAR(64)  NOT NULL,
    from_xid       VARCHAR(64)  NOT NULL,
    to_xid         VARCHAR(64)  NOT NULL,
    dataset_id     VARCHAR(64)  NOT NULL,
    first_batch_id VARCHAR(64),
    last_batch_id  VARCHAR(64),
    first_seen_at  BIGINT       NOT NULL,
    last_seen_at   BIGINT       NOT NULL,
    PRIMARY KEY (from_xid, to_xid, dataset_id, org_id, sandbox_name)
);

-- Links stored before this migration kept their first dataset and time but no batch.
INSERT INTO identity_link_source (org_id, sandbox_name, from_xid, to_xid, dataset_id, first_batch_id,
    last_batch_id, first_seen_at, last_seen_at)
SELECT org_id, sandbox_name, from_xid, to_xid, dataset_id, NULL, NULL, created_at, created_at
FROM identity_link;

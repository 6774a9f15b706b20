package io.openprofile.server.ingest;

import io.openprofile.server.catalog.Dataset;
import io.openprofile.server.catalog.DatasetService;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.jobs.JobRepository;
import io.openprofile.server.jobs.JobRunner;
import io.openprofile.server.store.Database;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The batch ingestion lifecycle: create a batch for a dataset, upload files while it is
 * {@code loading}, then COMPLETE it, which queues a durable processing job, or ABORT it.
 */
@ApplicationScoped
public class BatchService {

    public static final String PROCESS_JOB = "batch-ingest";
    private static final Logger LOG = Logger.getLogger(BatchService.class);

    private final Database database;
    private final BatchRepository batches;
    private final DatasetService datasets;
    private final JobRepository jobs;
    private final JobRunner runner;
    private final Clock clock;
    private final long maxFileBytes;

    BatchService(Database database, BatchRepository batches, DatasetService datasets, JobRepository jobs,
            JobRunner runner, Clock clock,
            @ConfigProperty(name = "openprofile.ingest.max-file-size", defaultValue = "268435456") long maxFileBytes) {
        this.database = database;
        this.batches = batches;
        this.datasets = datasets;
        this.jobs = jobs;
        this.runner = runner;
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
    }

    /** Creates a batch in {@code loading} for a profile-enabled dataset. */
    public Batch create(Tenant tenant, String datasetId, String format, Boolean multiLineJson) {
        if (datasetId == null || datasetId.isBlank()) {
            throw DomainException.missing("datasetId", "name the dataset the batch writes to");
        }
        if (format == null) {
            throw DomainException.missing("inputFormat.format", "use \"json\" or \"parquet\"");
        }
        BatchFormat batchFormat = BatchFormat.parse(format).orElseThrow(() -> DomainException.invalid(
                "inputFormat.format", format, "must be json (JSON array or JSON Lines) or parquet"));
        Dataset dataset = requireDataset(tenant, datasetId);
        if (!dataset.profileEnabled()) {
            throw DomainException.invalid("datasetId", datasetId,
                    "must be a dataset enabled for Profile; set its tag unifiedProfile to [\"enabled:true\"]");
        }
        long now = clock.millis();
        String id = UUID.randomUUID().toString().replace("-", "");
        Batch batch = new Batch(id, datasetId, BatchStatus.LOADING, batchFormat.wireName(),
                multiLineJson != null && multiLineJson, null, null, null, null, now, now, null, null);
        database.inTransaction(connection -> {
            batches.insert(connection, tenant, batch);
            return null;
        });
        LOG.infof("created batch %s for dataset %s in %s/%s", id, datasetId, tenant.orgId(), tenant.sandboxName());
        return batch;
    }

    /** Stores one file of a batch that is still loading; a file of the same name is replaced. */
    public void upload(Tenant tenant, String batchId, String datasetId, String fileName, InputStream content) {
        Batch batch = get(tenant, batchId);
        if (!batch.datasetId().equals(datasetId)) {
            throw DomainException.invalid("datasetId", datasetId, "must be the dataset of batch " + batchId
                    + " (" + batch.datasetId() + ")");
        }
        requireStatus(batch, BatchStatus.LOADING, "upload files");
        if (!isPlainFileName(fileName)) {
            throw DomainException.invalid("filePath", fileName, "must be a file name of 1 to 1024 characters "
                    + "without slashes, backslashes or control characters, and not . or ..");
        }
        byte[] bytes = readLimited(content, fileName);
        database.inTransaction(connection -> {
            batches.putFile(connection, tenant, batchId, fileName, bytes, clock.millis());
            return null;
        });
        LOG.debugf("stored file %s (%d bytes) of batch %s", fileName, bytes.length, batchId);
    }

    /** Marks a loading batch complete and queues its processing; processing survives restarts. */
    public void complete(Tenant tenant, String batchId) {
        long now = clock.millis();
        database.inTransaction(connection -> {
            Batch batch = batches.find(connection, tenant, batchId)
                    .orElseThrow(() -> DomainException.notFound("batch", batchId));
            requireStatus(batch, BatchStatus.LOADING, "complete it");
            if (batches.fileNames(connection, tenant, batchId).isEmpty()) {
                throw new DomainException(ErrorKind.INVALID_INPUT, "BATCH_EMPTY",
                        "batch " + batchId + " has no files; upload at least one file before COMPLETE", "batchId",
                        batchId);
            }
            if (!batches.transition(connection, tenant, batchId, BatchStatus.LOADING, BatchStatus.PROCESSING, now)) {
                throw conflict(batchId, "changed state while it was being completed");
            }
            jobs.enqueue(connection, tenant, PROCESS_JOB, batchId, now);
            return null;
        });
        LOG.infof("batch %s completed by the client; processing queued", batchId);
        runner.wake();
    }

    /** Aborts a loading batch; its files are never applied. */
    public void abort(Tenant tenant, String batchId) {
        long now = clock.millis();
        database.inTransaction(connection -> {
            Batch batch = batches.find(connection, tenant, batchId)
                    .orElseThrow(() -> DomainException.notFound("batch", batchId));
            requireStatus(batch, BatchStatus.LOADING, "abort it");
            batches.transition(connection, tenant, batchId, BatchStatus.LOADING, BatchStatus.ABORTED, now);
            return null;
        });
        LOG.infof("batch %s aborted", batchId);
    }

    public Batch get(Tenant tenant, String batchId) {
        return database.inTransaction(connection -> batches.find(connection, tenant, batchId))
                .orElseThrow(() -> DomainException.notFound("batch", batchId));
    }

    public List<Batch> list(Tenant tenant, String datasetId, BatchStatus status, int start, int limit) {
        return database.inTransaction(connection -> batches.list(connection, tenant, datasetId, status, start, limit));
    }

    /** Returns the failed records of a batch, in file and record order. */
    public List<FailedRecord> failedRecords(Tenant tenant, String batchId) {
        get(tenant, batchId);
        return database.inTransaction(connection -> batches.failedRecords(connection, tenant, batchId));
    }

    private static boolean isPlainFileName(String name) {
        if (name == null || name.isBlank() || name.length() > 1024 || name.equals(".") || name.equals("..")) {
            return false;
        }
        return name.chars().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c));
    }

    private Dataset requireDataset(Tenant tenant, String datasetId) {
        try {
            return datasets.get(tenant, datasetId);
        } catch (DomainException e) {
            throw DomainException.invalid("datasetId", datasetId, "must name an existing dataset of this sandbox");
        }
    }

    private byte[] readLimited(InputStream content, String fileName) {
        try (InputStream in = content) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            if (bytes.length > maxFileBytes) {
                throw new DomainException(ErrorKind.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE",
                        "file " + fileName + " is larger than the maximum of " + maxFileBytes
                                + " bytes; split it into several files of the same batch",
                        "filePath", fileName);
            }
            return bytes;
        } catch (IOException e) {
            throw DomainException.invalid("body", fileName, "could not be read completely: " + e.getMessage());
        }
    }

    private static void requireStatus(Batch batch, BatchStatus expected, String action) {
        if (batch.status() != expected) {
            throw conflict(batch.id(), "is " + batch.status().wireName() + "; only a "
                    + expected.wireName() + " batch can " + action);
        }
    }

    private static DomainException conflict(String batchId, String reason) {
        return new DomainException(ErrorKind.INVALID_INPUT, "INVALID_BATCH_STATE", "batch " + batchId + " " + reason,
                "batchId", batchId);
    }
}

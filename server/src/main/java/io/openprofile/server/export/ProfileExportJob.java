package io.openprofile.server.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.ingest.Batch;
import io.openprofile.server.ingest.BatchFormat;
import io.openprofile.server.ingest.BatchRepository;
import io.openprofile.server.ingest.BatchStatus;
import io.openprofile.server.jobs.Job;
import io.openprofile.server.jobs.JobContext;
import io.openprofile.server.jobs.JobHandler;
import io.openprofile.server.jobs.LeaseLostException;
import io.openprofile.server.merge.MergePolicy;
import io.openprofile.server.mergepolicy.MergePolicyService;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.Json;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs an export job: walks every person of the sandbox in cluster id order, a chunk of persons at
 * a time, and stores each chunk's JSON Lines or Parquet file in the same transaction that moves the
 * job's cursor past the chunk. A job resumed after a crash starts after the last committed chunk,
 * so the export has every line once. Only one chunk of lines is held in memory.
 *
 * <p>The walk reads persons, identities, profile records and events in one database snapshot
 * ({@link Database#openSnapshot}), so identities that ingestion links while the export runs do not
 * move a person behind the cursor or into a chunk twice: the file shows the persons as they were
 * when the walk started.
 */
@ApplicationScoped
public class ProfileExportJob implements JobHandler {

    private static final Logger LOG = Logger.getLogger(ProfileExportJob.class);
    static final String CANCELLED = "CANCELLED";

    private final Database database;
    private final ExportJobRepository exports;
    private final BatchRepository batches;
    private final ExportLines lines;
    private final MergePolicyService policies;
    private final Clock clock;
    private final int chunkSize;
    private final Duration chunkDelay;

    ProfileExportJob(Database database, ExportJobRepository exports, BatchRepository batches, ExportLines lines,
            MergePolicyService policies, Clock clock,
            @ConfigProperty(name = "openprofile.export.chunk-size") int chunkSize,
            @ConfigProperty(name = "openprofile.export.chunk-delay") Duration chunkDelay) {
        this.database = database;
        this.exports = exports;
        this.batches = batches;
        this.lines = lines;
        this.policies = policies;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.chunkDelay = chunkDelay;
    }

    @Override
    public String type() {
        return ExportJobService.EXPORT_JOB;
    }

    @Override
    public void run(Job job, JobContext context) throws Exception {
        Tenant tenant = job.tenant();
        long id = Long.parseLong(job.subjectId());
        Optional<ExportJobRow> found = database.inTransaction(c -> exports.find(c, tenant, id));
        if (found.isEmpty() || found.get().status() == ExportStatus.SUCCEEDED
                || found.get().status() == ExportStatus.FAILED) {
            complete(context);
            return;
        }
        // NOTE: a job resumed after a crash walks a new snapshot, so persons whose clusters merged
        // between the crash and the resume may be missing from the file or appear in it twice.
        ExportJobRow done;
        try (Database.Snapshot snapshot = database.openSnapshot()) {
            ExportJobRow row = start(tenant, found.get(), snapshot);
            ExportRequest request = ExportRequest.parse(row.request());
            MergePolicy policy = policies.resolve(tenant, request.mergePolicyId(), "mergePolicy.id");
            LOG.infof("export job %d %s at chunk %d: %d of %s persons done, batch %s", id,
                    row.chunksWritten() == 0 ? "starts" : "resumes", row.chunksWritten() + 1, row.profilesDone(),
                    row.profilesTotal(), row.batchId());
            while (true) {
                if (row.cancelRequested()) {
                    cancel(tenant, row, context);
                    return;
                }
                String cursor = row.cursorCluster();
                List<String> persons = snapshot.read(c -> exports.personsAfter(c, tenant, cursor, chunkSize));
                if (persons.isEmpty()) {
                    break;
                }
                row = writeChunk(snapshot, tenant, row, persons, policy, request);
                context.progress(row.profilesDone(), row.profilesTotal());
                LOG.infof("export job %d wrote chunk %d: %d of %s persons done, %d lines", id, row.chunksWritten(),
                        row.profilesDone(), row.profilesTotal(), row.linesWritten());
                pause();
            }
            done = row;
        }
        database.inTransaction(connection -> {
            long now = clock.millis();
            exports.finish(connection, tenant, id, ExportStatus.SUCCEEDED, null, now);
            batches.finish(connection, tenant, done.batchId(), BatchStatus.SUCCESS, done.profilesDone(),
                    done.linesWritten(), 0, null, now);
            context.completeIn(connection);
            return null;
        });
        LOG.infof("export job %d succeeded: %d lines from %d persons in batch %s of dataset %s", id,
                done.linesWritten(), done.profilesDone(), done.batchId(), done.datasetId());
    }

    @Override
    public void giveUp(Job job, String reason) {
        Tenant tenant = job.tenant();
        long id = Long.parseLong(job.subjectId());
        fail(tenant, id, "EXPORT_FAILED", "the export failed repeatedly: " + reason, null);
        LOG.errorf("export job %d in %s/%s failed for good: %s", id, tenant.orgId(), tenant.sandboxName(), reason);
    }

    /**
     * Creates the batch and moves a NEW job to PROCESSING, with the person count of the snapshot;
     * returns the job as stored. When another process started the job meanwhile, it rolls back the
     * batch created here and raises a {@link LeaseLostException}, wrapped by {@code inTransaction}.
     */
    private ExportJobRow start(Tenant tenant, ExportJobRow row, Database.Snapshot snapshot) {
        if (row.status() != ExportStatus.NEW) {
            return row;
        }
        long total = snapshot.read(connection -> exports.countPersons(connection, tenant));
        return database.inTransaction(connection -> {
            long now = clock.millis();
            String batchId = UUID.randomUUID().toString().replace("-", "");
            batches.insert(connection, tenant, new Batch(batchId, row.datasetId(), BatchStatus.PROCESSING,
                    row.format().wireName(), false, null, null, null, null, now, now, now, null));
            if (!exports.start(connection, tenant, row.id(), batchId, total, now)) {
                throw new LeaseLostException("export-" + row.id());
            }
            return exports.find(connection, tenant, row.id()).orElseThrow();
        });
    }

    private ExportJobRow writeChunk(Database.Snapshot snapshot, Tenant tenant, ExportJobRow row, List<String> persons,
            MergePolicy policy, ExportRequest request) {
        Chunk content = row.format() == BatchFormat.PARQUET ? parquetChunk(snapshot, tenant, persons, policy, request)
                : jsonLinesChunk(snapshot, tenant, persons, policy, request);
        long count = content.lineCount();
        int chunk = row.chunksWritten() + 1;
        return database.inTransaction(connection -> {
            exports.putChunk(connection, tenant, row.batchId(), chunk, count, content.bytes());
            boolean moved = exports.advance(connection, tenant, row.id(), row.chunksWritten(),
                    persons.get(persons.size() - 1), row.profilesDone() + persons.size(), row.linesWritten() + count,
                    clock.millis());
            if (!moved) {
                // Another process wrote this chunk or the job was cancelled; roll back this copy.
                throw new LeaseLostException("export-" + row.id());
            }
            ExportJobRow next = exports.find(connection, tenant, row.id()).orElseThrow();
            return next;
        });
    }

    /** The stored content of one chunk and the number of lines (or Parquet rows) in it. */
    private record Chunk(long lineCount, byte[] bytes) {
    }

    /** Serializes each person's lines as soon as they are built, so only the chunk's bytes stay in memory. */
    private Chunk jsonLinesChunk(Database.Snapshot snapshot, Tenant tenant, List<String> persons, MergePolicy policy,
            ExportRequest request) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        long lineCount = 0;
        for (String clusterId : persons) {
            for (ObjectNode line : lines.linesOf(snapshot, tenant, clusterId, policy, request)) {
                content.writeBytes((Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8));
                lineCount++;
            }
        }
        return new Chunk(lineCount, content.toByteArray());
    }

    /** Keeps the chunk's rows as JSON trees, because the Parquet schema is inferred from all of them. */
    private Chunk parquetChunk(Database.Snapshot snapshot, Tenant tenant, List<String> persons, MergePolicy policy,
            ExportRequest request) {
        List<ObjectNode> rows = new ArrayList<>();
        for (String clusterId : persons) {
            rows.addAll(lines.linesOf(snapshot, tenant, clusterId, policy, request));
        }
        return new Chunk(rows.size(), ParquetChunkWriter.write(rows));
    }

    private void cancel(Tenant tenant, ExportJobRow row, JobContext context) {
        fail(tenant, row.id(), CANCELLED, "the export job was cancelled on request", context);
        LOG.infof("export job %d cancelled after %d chunks", row.id(), row.chunksWritten());
    }

    /** Ends a job as FAILED with one error and fails its batch, completing the runner's job when given. */
    private void fail(Tenant tenant, long id, String code, String message, JobContext context) {
        ArrayNode errors = Json.mapper().createArrayNode();
        errors.addObject().put("code", code).put("msg", message);
        database.inTransaction(connection -> {
            long now = clock.millis();
            exports.finish(connection, tenant, id, ExportStatus.FAILED, errors, now);
            Optional<ExportJobRow> row = exports.find(connection, tenant, id);
            if (row.isPresent() && row.get().batchId() != null) {
                ArrayNode batchErrors = Json.mapper().createArrayNode();
                batchErrors.addObject().put("code", code).put("description", message);
                batches.finish(connection, tenant, row.get().batchId(), BatchStatus.FAILED, row.get().profilesDone(),
                        row.get().linesWritten(), 0, batchErrors, now);
            }
            if (context != null) {
                context.completeIn(connection);
            }
            return null;
        });
    }

    private void complete(JobContext context) {
        database.inTransaction(connection -> {
            context.completeIn(connection);
            return null;
        });
    }

    /** Waits {@code openprofile.export.chunk-delay} between chunks, which tests use to widen the window for a crash. */
    private void pause() throws InterruptedException {
        if (!chunkDelay.isZero()) {
            Thread.sleep(chunkDelay.toMillis());
        }
    }
}

package io.openprofile.server.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.computed.ComputedAttributeValues;
import io.openprofile.server.computed.ComputedValues;
import io.openprofile.server.jobs.Job;
import io.openprofile.server.jobs.JobContext;
import io.openprofile.server.jobs.JobHandler;
import io.openprofile.server.preview.PreviewRefresh;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.Json;
import io.openprofile.server.tenancy.Tenant;
import io.openprofile.server.xdm.RecordError;
import io.openprofile.server.xdm.RecordErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Processes a completed batch, all or nothing. A first pass reads every file and validates
 * every record; if any record fails or any file cannot be read in the batch's format, the
 * batch fails, its failed records are stored for download and nothing is applied. Otherwise a second pass applies every record in one
 * transaction that also completes the job, so a crash at any point leaves either nothing or
 * everything, and a retried job never applies a batch twice.
 */
@ApplicationScoped
public class BatchProcessor implements JobHandler {

    private static final Logger LOG = Logger.getLogger(BatchProcessor.class);
    private static final int MAX_ERROR_SUMMARIES = 20;

    private final Database database;
    private final PreviewRefresh previews;
    private final BatchRepository batches;
    private final IngestTargets targets;
    private final ComputedAttributeValues computedValues;
    private static final long HOUR_MILLIS = 3_600_000L;
    private final RecordWriter writer;
    private final Clock clock;

    BatchProcessor(Database database, BatchRepository batches, IngestTargets targets, RecordWriter writer,
            ComputedAttributeValues computedValues, PreviewRefresh previews, Clock clock) {
        this.computedValues = computedValues;
        this.previews = previews;
        this.database = database;
        this.batches = batches;
        this.targets = targets;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public String type() {
        return BatchService.PROCESS_JOB;
    }

    @Override
    public void run(Job job, JobContext context) throws Exception {
        Tenant tenant = job.tenant();
        String batchId = job.subjectId();
        Optional<Batch> found = database.inTransaction(c -> batches.find(c, tenant, batchId));
        if (found.isEmpty() || found.get().status() != BatchStatus.PROCESSING) {
            LOG.infof("batch %s is no longer processing; nothing to do", batchId);
            return;
        }
        Batch batch = found.get();
        IngestTarget target = targets.forDataset(tenant, batch.datasetId());
        List<String> files = database.inTransaction(c -> batches.fileNames(c, tenant, batchId));
        BatchFormat format = formatOf(batch);
        long now = clock.millis();
        Validation validation = validate(tenant, batch, format, files, target, now);
        context.progress(0, validation.recordCount);
        if (!validation.invalidFiles.isEmpty() || !validation.failed.isEmpty()) {
            recordFailure(tenant, batchId, validation, context);
            return;
        }
        if (validation.recordCount == 0) {
            recordEmpty(tenant, batchId, context);
            return;
        }
        database.inTransaction(connection -> {
            writer.lockGraph(connection, tenant);
            long written = apply(connection, tenant, batchId, format, files, target, now);
            batches.finish(connection, tenant, batchId, BatchStatus.SUCCESS, validation.recordCount, written, 0,
                    null, clock.millis());
            previews.request(connection, tenant, clock.millis());
            context.completeIn(connection);
            return null;
        });
        LOG.infof("batch %s succeeded: %d records applied to dataset %s", batchId, validation.recordCount,
                batch.datasetId());
    }

    @Override
    public void giveUp(Job job, String reason) {
        ArrayNode errors = Json.mapper().createArrayNode();
        errors.addObject().put("code", "PROCESSING_FAILED")
                .put("description", "processing failed repeatedly: " + reason);
        database.inTransaction(connection -> {
            batches.finish(connection, job.tenant(), job.subjectId(), BatchStatus.FAILED, 0, 0, 0, errors,
                    clock.millis());
            return null;
        });
    }

    private static BatchFormat formatOf(Batch batch) {
        // Batches are only created with a known format, so an unknown one is a bug, not bad input.
        return BatchFormat.parse(batch.inputFormat()).orElseThrow(() -> new IllegalStateException(
                "batch " + batch.id() + " has the unknown input format " + batch.inputFormat()));
    }

    private Validation validate(Tenant tenant, Batch batch, BatchFormat format, List<String> files,
            IngestTarget target, long now) throws Exception {
        String batchId = batch.id();
        Validation validation = new Validation();
        for (String file : files) {
            database.inTransaction(connection -> {
                try {
                    return batches.readFile(connection, tenant, batchId, file, content -> {
                        try (RecordReader reader = RecordReader.open(content, format)) {
                            while (reader.hasNext()) {
                                ReadResult item = reader.next();
                                validation.recordCount++;
                                validation.check(file, item, target, now);
                            }
                        } catch (InvalidFileException e) {
                            LOG.debugf("file %s of batch %s is invalid: %s", file, batchId, e.getMessage());
                            validation.invalidFiles.add("file " + file + " " + e.getMessage());
                        }
                        return null;
                    });
                } catch (java.sql.SQLException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("cannot read file " + file + " of batch " + batchId, e);
                }
            });
        }
        return validation;
    }

    private long apply(Connection connection, Tenant tenant, String batchId, BatchFormat format, List<String> files,
            IngestTarget target, long now) throws java.sql.SQLException {
        long[] written = {0};
        // One entry per identity and hour is enough, because computed attributes keep hourly or daily buckets.
        Set<ComputedValues.Touch> touches = new HashSet<>();
        for (String file : files) {
            try {
                batches.readFile(connection, tenant, batchId, file, content -> {
                    try (RecordReader reader = RecordReader.open(content, format)) {
                        while (reader.hasNext()) {
                            RecordOutcome outcome = RecordPreparer.prepare(reader.next().record(), target, now);
                            for (ComputedValues.Touch touch : writer.write(connection, tenant, target, batchId,
                                    outcome.prepared(), now)) {
                                touches.add(new ComputedValues.Touch(touch.primaryXid(),
                                        Math.floorDiv(touch.eventTime(), HOUR_MILLIS) * HOUR_MILLIS));
                            }
                            written[0]++;
                        }
                    }
                    return null;
                });
            } catch (java.sql.SQLException e) {
                throw e;
            } catch (Exception e) {
                if (e.getCause() instanceof java.sql.SQLException sql) {
                    throw sql;
                }
                throw new IllegalStateException("cannot apply file " + file + " of batch " + batchId, e);
            }
        }
        computedValues.eventsWritten(connection, tenant, touches);
        return written[0];
    }

    private void recordEmpty(Tenant tenant, String batchId, JobContext context) {
        ArrayNode errors = Json.mapper().createArrayNode();
        errors.addObject().put("code", "EMPTY_BATCH")
                .put("description", "the batch's files contain no records; upload at least one record")
                .put("recordCount", 0);
        database.inTransaction(connection -> {
            batches.finish(connection, tenant, batchId, BatchStatus.FAILED, 0, 0, 0, errors, clock.millis());
            context.completeIn(connection);
            return null;
        });
        LOG.infof("batch %s failed: its files contain no records", batchId);
    }

    private void recordFailure(Tenant tenant, String batchId, Validation validation, JobContext context) {
        ArrayNode summary = Json.mapper().createArrayNode();
        for (String invalidFile : validation.invalidFiles) {
            summary.addObject().put("code", "INVALID_FILE").put("description", invalidFile);
        }
        for (FailedRecord failed : validation.failed.subList(0, Math.min(MAX_ERROR_SUMMARIES,
                validation.failed.size()))) {
            ObjectNode first = (ObjectNode) failed.errors().get(0);
            summary.addObject()
                    .put("code", first.path("code").asText())
                    .put("description", failed.fileName() + ", record " + (failed.recordIndex() + 1) + ": "
                            + first.path("message").asText())
                    .put("recordCount", 1);
        }
        database.inTransaction(connection -> {
            batches.deleteFailedRecords(connection, tenant, batchId);
            for (FailedRecord failed : validation.failed) {
                batches.insertFailedRecord(connection, tenant, batchId, failed);
            }
            batches.finish(connection, tenant, batchId, BatchStatus.FAILED, validation.recordCount, 0,
                    validation.failed.size(), summary, clock.millis());
            context.completeIn(connection);
            return null;
        });
        LOG.infof("batch %s failed: %d invalid files, %d of %d records invalid, nothing applied", batchId,
                validation.invalidFiles.size(), validation.failed.size(), validation.recordCount);
    }

    /** Outcome of the validation pass. */
    private static final class Validation {
        long recordCount;
        final List<FailedRecord> failed = new ArrayList<>();
        // One sentence per file that could not be read at all, starting with "file NAME".
        final List<String> invalidFiles = new ArrayList<>();

        void check(String file, ReadResult item, IngestTarget target, long now) {
            if (item.isError()) {
                ParseError error = item.error();
                add(file, item.index(), List.of(new RecordError(RecordErrorCode.MALFORMED_RECORD,
                        error.message(), "")), null);
                return;
            }
            RecordOutcome outcome = RecordPreparer.prepare(item.record(), target, now);
            if (!outcome.isAccepted()) {
                add(file, item.index(), outcome.errors(), Json.write(item.record()));
            }
        }

        void add(String file, long index, List<RecordError> errors, String record) {
            ArrayNode list = Json.mapper().createArrayNode();
            for (RecordError error : errors) {
                list.addObject().put("code", error.code().name()).put("message", error.message()).put("path", error.path());
            }
            failed.add(new FailedRecord(file, index, list, record));
        }
    }
}

package io.openprofile.server.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.catalog.Dataset;
import io.openprofile.server.catalog.DatasetRepository;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.ingest.BatchFormat;
import io.openprofile.server.jobs.JobRepository;
import io.openprofile.server.jobs.JobRunner;
import io.openprofile.server.merge.MergePolicy;
import io.openprofile.server.mergepolicy.MergePolicyService;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.Json;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Creates, reads and cancels profile export jobs; {@link ProfileExportJob} runs them. */
@ApplicationScoped
public class ExportJobService {

    static final String EXPORT_JOB = "profile-export";
    static final int MAX_LIMIT = 100;
    private static final Logger LOG = Logger.getLogger(ExportJobService.class);

    private final Database database;
    private final ExportJobRepository exports;
    private final JobRepository jobs;
    private final JobRunner runner;
    private final DatasetRepository datasets;
    private final MergePolicyService policies;
    private final Clock clock;

    ExportJobService(Database database, ExportJobRepository exports, JobRepository jobs, JobRunner runner,
            DatasetRepository datasets, MergePolicyService policies, Clock clock) {
        this.database = database;
        this.exports = exports;
        this.jobs = jobs;
        this.runner = runner;
        this.datasets = datasets;
        this.policies = policies;
        this.clock = clock;
    }

    /** One page of jobs and the cursor of the next page, null on the last page. */
    public record Page(List<ExportJobRow> jobs, String nextOffset) {
    }

    /**
     * Validates a request, stores it with the merge policy it resolves to, and queues the job. The
     * resolved policy id is stored, so that a job resumed later uses the policy that was the default
     * when it was created.
     */
    public ExportJobRow create(Tenant tenant, ObjectNode request) {
        ExportRequest parsed = ExportRequest.parse(request);
        String datasetId = request.path("destination").path("datasetId").asText();
        MergePolicy policy = policies.resolve(tenant, parsed.mergePolicyId(), "mergePolicy.id");
        ObjectNode stored = request.deepCopy();
        ObjectNode mergePolicy = stored.putObject("mergePolicy");
        mergePolicy.put("id", policy.id());
        mergePolicy.set("version", request.path("mergePolicy").path("version").isMissingNode()
                ? Json.mapper().getNodeFactory().numberNode(1) : request.path("mergePolicy").path("version"));
        long now = clock.millis();
        ExportJobRow created = database.inTransaction(connection -> {
            Dataset dataset = datasets.find(connection, tenant, datasetId).orElseThrow(
                    () -> DomainException.invalid("destination.datasetId", datasetId, "must be the id of an existing "
                            + "dataset of sandbox '" + tenant.sandboxName() + "'; create the dataset first"));
            BatchFormat format = fileFormat(dataset);
            long id = exports.insert(connection, tenant, Json.write(stored), datasetId, format, now);
            jobs.enqueue(connection, tenant, EXPORT_JOB, Long.toString(id), now);
            return exports.find(connection, tenant, id).orElseThrow();
        });
        runner.wake();
        LOG.infof("queued export job %d to dataset %s as %s with merge policy %s in %s/%s", created.id(), datasetId,
                created.format().wireName(), policy.id(), tenant.orgId(), tenant.sandboxName());
        return created;
    }

    /**
     * Returns the output format that the destination dataset declares in {@code fileDescription.format}:
     * JSON Lines when it declares none or {@code json}, Parquet for {@code parquet}.
     */
    static BatchFormat fileFormat(Dataset dataset) {
        JsonNode declared = dataset.body().path("fileDescription").get("format");
        if (declared == null || declared.isNull()) {
            return BatchFormat.JSON;
        }
        return BatchFormat.parse(declared.asText()).orElseThrow(() -> DomainException.invalid(
                "destination.datasetId", dataset.id(), "must be a dataset whose fileDescription.format is json or "
                        + "parquet, but it is '" + declared.asText() + "'; change the dataset's format or export "
                        + "to another dataset"));
    }

    public ExportJobRow get(Tenant tenant, long id) {
        return database.inTransaction(c -> exports.find(c, tenant, id))
                .orElseThrow(() -> DomainException.notFound("export job", Long.toString(id)));
    }

    /** Lists jobs newest first; {@code offset} is the {@code <creationTime>_<id>} cursor of a previous page. */
    public Page list(Tenant tenant, Integer limit, String offset, String status) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw DomainException.invalid("limit", size, "must be between 1 and " + MAX_LIMIT);
        }
        ExportStatus wanted = parseStatus(status);
        Long afterCreatedAt = null;
        Long afterId = null;
        if (offset != null && !offset.isBlank()) {
            String[] parts = offset.split("_", -1);
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                afterCreatedAt = Long.parseLong(parts[0]);
                afterId = Long.parseLong(parts[1]);
            } catch (NumberFormatException e) {
                throw DomainException.invalid("offset", offset, "must be <creationTime>_<id> as returned in "
                        + "page.pageOffset, such as 1538573416687_722");
            }
        }
        Long createdBound = afterCreatedAt;
        Long idBound = afterId;
        List<ExportJobRow> rows = database.inTransaction(c -> exports.list(c, tenant, wanted, createdBound, idBound,
                size + 1));
        if (rows.size() <= size) {
            return new Page(rows, null);
        }
        List<ExportJobRow> page = rows.subList(0, size);
        ExportJobRow last = page.get(size - 1);
        return new Page(page, last.createdAt() + "_" + last.id());
    }

    /** Marks a job for cancelling; returns false when it has already ended. */
    public boolean cancel(Tenant tenant, long id) {
        Optional<Boolean> marked = database.inTransaction(connection -> {
            if (exports.find(connection, tenant, id).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(exports.requestCancel(connection, tenant, id, clock.millis()));
        });
        if (marked.isEmpty()) {
            throw DomainException.notFound("export job", Long.toString(id));
        }
        if (marked.get()) {
            LOG.infof("export job %d marked for cancelling in %s/%s", id, tenant.orgId(), tenant.sandboxName());
        }
        return marked.get();
    }

    private static ExportStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ExportStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", status, "must be one of NEW, PROCESSING, SUCCEEDED, FAILED");
        }
    }
}

package io.openprofile.server.systemjob;

import io.openprofile.server.catalog.Dataset;
import io.openprofile.server.catalog.DatasetRepository;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorDetail;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.ingest.Batch;
import io.openprofile.server.ingest.BatchRepository;
import io.openprofile.server.jobs.JobRepository;
import io.openprofile.server.jobs.JobRunner;
import io.openprofile.server.schema.XdmClasses;
import io.openprofile.server.store.Database;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Creates, lists, reads and removes delete requests; {@link DeleteRequestJob} does the deleting. */
@ApplicationScoped
public class DeleteRequestService {

    private static final Logger LOG = Logger.getLogger(DeleteRequestService.class);

    /** Sort keys of the list, with the older field names Adobe used as aliases. */
    private static final Map<String, Comparator<DeleteRequest>> SORT_KEYS = Map.of(
            "createdat", Comparator.comparingLong(DeleteRequest::createdAt),
            "createepoch", Comparator.comparingLong(DeleteRequest::createdAt),
            "updatedat", Comparator.comparingLong(DeleteRequest::updatedAt),
            "updateepoch", Comparator.comparingLong(DeleteRequest::updatedAt),
            "datasetid", Comparator.comparing(DeleteRequest::datasetId),
            "batchid", Comparator.comparing(DeleteRequest::batchId, Comparator.nullsFirst(Comparator.naturalOrder())),
            "status", Comparator.comparing(request -> request.status().name()),
            "requesttype", Comparator.comparing(request -> request.type().name()));

    private final Database database;
    private final DeleteRequestRepository requests;
    private final DatasetRepository datasets;
    private final BatchRepository batches;
    private final JobRepository jobs;
    private final JobRunner runner;
    private final Clock clock;

    DeleteRequestService(Database database, DeleteRequestRepository requests, DatasetRepository datasets,
            BatchRepository batches, JobRepository jobs, JobRunner runner, Clock clock) {
        this.database = database;
        this.requests = requests;
        this.datasets = datasets;
        this.batches = batches;
        this.jobs = jobs;
        this.runner = runner;
        this.clock = clock;
    }

    /** One page of requests and the size of the whole list. */
    public record Page(List<DeleteRequest> requests, int total) {
    }

    /**
     * Validates and queues a delete request. {@code dataSetId} and {@code datasetId} are the two
     * spellings Adobe documents; either names the dataset, and a request may name only a batch.
     */
    public DeleteRequest create(Tenant tenant, String dataSetId, String datasetId, String batchId) {
        if (dataSetId != null && datasetId != null && !dataSetId.equals(datasetId)) {
            throw DomainException.invalid("datasetId", datasetId,
                    "must equal dataSetId '" + dataSetId + "' when both are given");
        }
        String dataset = dataSetId != null ? dataSetId : datasetId;
        if (isBlank(dataset) && isBlank(batchId)) {
            throw DomainException.missing("dataSetId",
                    "name a dataset in dataSetId (or datasetId), optionally with one of its batches in batchId");
        }
        DeleteRequest created = database.inTransaction(connection -> {
            Target target = resolve(connection, tenant, isBlank(dataset) ? null : dataset,
                    isBlank(batchId) ? null : batchId);
            rejectDuplicate(connection, tenant, target);
            String id = UUID.randomUUID().toString();
            long now = clock.millis();
            DeleteRequestType type = target.batchId() == null ? DeleteRequestType.TRUNCATE_DATASET
                    : DeleteRequestType.DELETE_EE_BATCH;
            requests.insert(connection, tenant, id, target.datasetId(), target.batchId(), type, now);
            jobs.enqueue(connection, tenant, DeleteRequestRepository.JOB_TYPE, id, now);
            return requests.find(connection, tenant, id).orElseThrow();
        });
        LOG.infof("delete request %s (%s of dataset %s, batch %s) queued in %s/%s", created.id(), created.type(),
                created.datasetId(), created.batchId(), tenant.orgId(), tenant.sandboxName());
        runner.wake();
        return created;
    }

    public DeleteRequest get(Tenant tenant, String id) {
        return database.inTransaction(connection -> requests.find(connection, tenant, id))
                .orElseThrow(() -> DomainException.notFound("delete request", id));
    }

    /** Returns page {@code page} (0-based) of {@code limit} requests, sorted by {@code sort} when given. */
    public Page list(Tenant tenant, int page, int limit, String sort) {
        List<DeleteRequest> all = database.inTransaction(connection -> requests.list(connection, tenant));
        if (sort != null) {
            all = all.stream().sorted(comparator(sort)).toList();
        }
        int from = (int) Math.min((long) page * limit, all.size());
        int to = Math.min(from + limit, all.size());
        return new Page(all.subList(from, to), all.size());
    }

    /** Removes a request; one that is running stops after its current chunk. */
    public void delete(Tenant tenant, String id) {
        boolean removed = database.inTransaction(connection -> {
            jobs.deleteQueued(connection, tenant, DeleteRequestRepository.JOB_TYPE, id);
            return requests.delete(connection, tenant, id);
        });
        if (!removed) {
            throw DomainException.notFound("delete request", id);
        }
        LOG.infof("delete request %s in %s/%s removed", id, tenant.orgId(), tenant.sandboxName());
    }

    private record Target(String datasetId, String batchId) {
    }

    private Target resolve(Connection connection, Tenant tenant, String datasetId, String batchId)
            throws SQLException {
        Batch batch = null;
        if (batchId != null) {
            batch = batches.find(connection, tenant, batchId).orElse(null);
            if (batch == null && datasetId == null) {
                throw DomainException.invalid("batchId", batchId, "must name a batch of this sandbox");
            }
        }
        String dataset = datasetId != null ? datasetId : batch.datasetId();
        Dataset found = datasets.find(connection, tenant, dataset).orElseThrow(() -> DomainException.invalid(
                datasetId != null ? "dataSetId" : "batchId", datasetId != null ? datasetId : batchId,
                "must name a dataset of this sandbox"));
        if (batchId == null) {
            return new Target(found.id(), null);
        }
        if (found.schemaClass() != XdmClasses.EXPERIENCE_EVENT) {
            throw batchError("BATCH_OF_RECORD_DATASET", "batchId", batchId,
                    "batchId '" + batchId + "' cannot be deleted because dataset '" + found.id()
                            + "' holds records, which a later batch replaces; delete the whole dataset or "
                            + "ingest corrected records instead",
                    "500", "Batch can only be specified for EE type '" + found.id() + "'");
        }
        if (batch == null || !batch.datasetId().equals(found.id())) {
            throw batchError("BATCH_NOT_IN_DATASET", "batchId", batchId,
                    "batchId '" + batchId + "' does not name a batch of dataset '" + found.id() + "'",
                    "400", "Batch not found for profile dataset '" + found.id() + "'");
        }
        return new Target(found.id(), batchId);
    }

    /** Builds a 400 whose single reason carries the code and message that Adobe documents for the case. */
    private static DomainException batchError(String code, String field, String value, String message,
            String adobeCode, String adobeMessage) {
        return new DomainException(ErrorKind.INVALID_INPUT, code, message, field, value)
                .withDetails(List.of(new ErrorDetail(adobeCode, adobeMessage, null)));
    }

    private void rejectDuplicate(Connection connection, Tenant tenant, Target target) throws SQLException {
        for (DeleteRequest existing : requests.findSameTarget(connection, tenant, target.datasetId(),
                target.batchId())) {
            if (existing.pending()) {
                throw new DomainException(ErrorKind.UNPROCESSABLE, "DELETE_REQUEST_EXISTS",
                        "delete request " + existing.id() + " for the same dataset" + (target.batchId() == null
                                ? "" : " and batch") + " has not finished yet; wait for it or remove it first",
                        target.batchId() == null ? "dataSetId" : "batchId",
                        target.batchId() == null ? target.datasetId() : target.batchId());
            }
        }
    }

    private static Comparator<DeleteRequest> comparator(String sort) {
        int colon = sort.indexOf(':');
        String key = sort.substring(0, colon).toLowerCase(Locale.ROOT);
        Comparator<DeleteRequest> order = SORT_KEYS.get(key);
        if (order == null) {
            throw DomainException.invalid("sort", sort, "must sort by createdAt, updatedAt, datasetId, batchId, "
                    + "status or requestType");
        }
        return sort.endsWith(":desc") ? order.reversed() : order;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

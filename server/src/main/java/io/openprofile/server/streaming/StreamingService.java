package io.openprofile.server.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.catalog.Dataset;
import io.openprofile.server.catalog.DatasetService;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorDetail;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.ingest.IngestTarget;
import io.openprofile.server.ingest.IngestTargets;
import io.openprofile.server.ingest.RecordOutcome;
import io.openprofile.server.ingest.RecordPreparer;
import io.openprofile.server.computed.ComputedAttributeValues;
import io.openprofile.server.computed.ComputedValues;
import io.openprofile.server.ingest.RecordWriter;
import io.openprofile.server.preview.PreviewRefresh;
import io.openprofile.server.store.Database;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Streaming ingestion: connections, and records sent to them one message at a time. Each
 * message is validated and applied at once in its own transaction, with the same rules as batch
 * ingestion, so a rejected message changes nothing.
 */
@ApplicationScoped
public class StreamingService {

    private static final Logger LOG = Logger.getLogger(StreamingService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final StreamingConnectionRepository connections;
    private final DatasetService datasets;
    private final IngestTargets targets;
    private final ComputedAttributeValues computedValues;
    private final RecordWriter writer;
    private final PreviewRefresh previews;
    private final Clock clock;

    StreamingService(Database database, StreamingConnectionRepository connections, DatasetService datasets,
            IngestTargets targets, RecordWriter writer, ComputedAttributeValues computedValues,
            PreviewRefresh previews, Clock clock) {
        this.previews = previews;
        this.computedValues = computedValues;
        this.database = database;
        this.connections = connections;
        this.datasets = datasets;
        this.targets = targets;
        this.writer = writer;
        this.clock = clock;
    }

    /** The outcome of one streamed message. */
    public record Receipt(String xactionId, long receivedTimeMs) {
    }

    public StreamingConnection createConnection(Tenant tenant, String name, String datasetId,
            Boolean authenticationRequired) {
        if (name == null || name.isBlank()) {
            throw DomainException.missing("name", "give the connection a name");
        }
        if (datasetId == null || datasetId.isBlank()) {
            throw DomainException.missing("dataSetId", "name the dataset the connection writes to");
        }
        Dataset dataset;
        try {
            dataset = datasets.get(tenant, datasetId);
        } catch (DomainException e) {
            throw DomainException.invalid("dataSetId", datasetId, "must name an existing dataset of this sandbox");
        }
        if (!dataset.profileEnabled()) {
            throw DomainException.invalid("dataSetId", datasetId,
                    "must be a dataset enabled for Profile; set its tag unifiedProfile to [\"enabled:true\"]");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        StreamingConnection inlet = new StreamingConnection(HexFormat.of().formatHex(bytes), tenant, datasetId, name,
                authenticationRequired != null && authenticationRequired, clock.millis());
        database.inTransaction(connection -> {
            connections.insert(connection, inlet);
            return null;
        });
        LOG.infof("created streaming connection %s for dataset %s in %s/%s", inlet.id(), datasetId,
                tenant.orgId(), tenant.sandboxName());
        return inlet;
    }

    public StreamingConnection get(Tenant tenant, String id) {
        return database.inTransaction(connection -> connections.find(connection, id))
                .filter(inlet -> inlet.tenant().equals(tenant))
                .orElseThrow(() -> DomainException.notFound("streaming connection", id));
    }

    public List<StreamingConnection> list(Tenant tenant) {
        return database.inTransaction(connection -> connections.list(connection, tenant));
    }

    /** Finds a connection by id alone, for collection requests that carry no tenant headers. */
    public StreamingConnection inlet(String id) {
        return database.inTransaction(connection -> connections.find(connection, id))
                .orElseThrow(() -> DomainException.notFound("streaming connection", id));
    }

    /** One streamed message: the dataset and organisation its header names (nullable) and its record. */
    public record Message(String headerDatasetId, String headerOrgId, ObjectNode entity) {
    }

    /** Validates and applies one message; a rejected message raises a 400 listing its errors. */
    public Receipt ingest(StreamingConnection inlet, Message message) {
        long now = clock.millis();
        ObjectNode entity = entityOf(inlet, message);
        IngestTarget target = targets.forDataset(inlet.tenant(), inlet.datasetId());
        RecordOutcome outcome = RecordPreparer.prepare(entity, target, now);
        if (!outcome.isAccepted()) {
            String reasons = outcome.errors().stream()
                    .map(error -> (error.path().isEmpty() ? "record" : error.path()) + ": " + error.message())
                    .collect(Collectors.joining("; "));
            throw new DomainException(ErrorKind.INVALID_INPUT, "INVALID_RECORD", "record rejected: " + reasons,
                    "body.xdmEntity", null).withDetails(outcome.errors().stream()
                            .map(e -> new ErrorDetail(e.code().name(), e.message(), e.path()))
                            .toList());
        }
        String xactionId = UUID.randomUUID().toString();
        database.inTransaction(connection -> {
            writer.lockGraph(connection, inlet.tenant());
            List<ComputedValues.Touch> touches = writer.writeStreamed(connection, inlet.tenant(), target,
                    streamBatchId(inlet), outcome.prepared(), now);
            if (!touches.isEmpty()) {
                computedValues.eventsWritten(connection, inlet.tenant(), touches);
            }
            previews.requestDelayed(connection, inlet.tenant(), now);
            return null;
        });
        return new Receipt(xactionId, now);
    }

    /** Returns the pseudo batch id that tags the records streamed through one connection. */
    static String streamBatchId(StreamingConnection inlet) {
        return "stream-" + inlet.id().substring(0, 32);
    }

    private static ObjectNode entityOf(StreamingConnection inlet, Message message) {
        String datasetId = message.headerDatasetId();
        if (datasetId != null && !datasetId.isEmpty() && !datasetId.equals(inlet.datasetId())) {
            throw DomainException.invalid("header.datasetId", datasetId,
                    "must be the dataset of this connection (" + inlet.datasetId() + ") or be left out");
        }
        String orgId = message.headerOrgId();
        if (orgId != null && !orgId.isEmpty() && !orgId.equals(inlet.tenant().orgId())) {
            throw DomainException.invalid("header.imsOrgId", orgId,
                    "must be the organisation of this connection or be left out");
        }
        if (message.entity() == null) {
            throw DomainException.missing("body.xdmEntity", "put the XDM record under body.xdmEntity");
        }
        return message.entity();
    }
}

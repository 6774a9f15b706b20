package io.openprofile.server.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.schema.SchemaRegistryService;
import io.openprofile.server.schema.XdmClasses;
import io.openprofile.server.store.Database;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Catalog datasets. A dataset is bound to one schema for life; its Profile and Identity flags
 * come from the Catalog tags {@code unifiedProfile} and {@code unifiedIdentity}
 * ({@code ["enabled:true"]}), as on Adobe's platform, and may be changed with PATCH.
 */
@ApplicationScoped
public class DatasetService {

    private static final Logger LOG = Logger.getLogger(DatasetService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final DatasetRepository datasets;
    private final SchemaRegistryService schemas;
    private final Clock clock;

    DatasetService(Database database, DatasetRepository datasets, SchemaRegistryService schemas, Clock clock) {
        this.database = database;
        this.datasets = datasets;
        this.schemas = schemas;
        this.clock = clock;
    }

    /** Creates a dataset from a Catalog request body and returns it. */
    public Dataset create(Tenant tenant, ObjectNode request) {
        String name = text(request, "name");
        if (name == null || name.isBlank()) {
            throw DomainException.missing("name", "give the dataset a name");
        }
        String schemaId = text(request.path("schemaRef"), "id");
        if (schemaId == null || schemaId.isBlank()) {
            throw DomainException.missing("schemaRef.id", "bind the dataset to a schema by its $id");
        }
        XdmClasses schemaClass = schemas.classOfSchema(tenant, schemaId, "schemaRef.id");
        long now = clock.millis();
        String id = HexFormat.of().formatHex(randomBytes(12));
        ObjectNode body = request.deepCopy();
        body.put("imsOrg", tenant.orgId());
        body.put("sandboxName", tenant.sandboxName());
        body.put("created", now);
        body.put("updated", now);
        body.put("version", "1.0.0");
        if (!body.has("tags")) {
            body.putObject("tags");
        }
        Dataset dataset = new Dataset(id, name, schemaId, schemaClass, tagEnabled(body, "unifiedProfile"),
                tagEnabled(body, "unifiedIdentity"), body, now, now);
        database.inTransaction(connection -> {
            datasets.insert(connection, tenant, dataset);
            return null;
        });
        LOG.infof("created dataset %s (%s) in %s/%s", id, schemaClass.altId(), tenant.orgId(), tenant.sandboxName());
        return dataset;
    }

    public Dataset get(Tenant tenant, String id) {
        return database.inTransaction(connection -> datasets.find(connection, tenant, id))
                .orElseThrow(() -> DomainException.notFound("dataset", id));
    }

    public List<Dataset> list(Tenant tenant, String name, int start, int limit) {
        return database.inTransaction(connection -> datasets.list(connection, tenant, name, start, limit));
    }

    /**
     * Applies a partial Catalog object: top-level fields replace the stored ones. The schema
     * binding cannot change, because stored records were read with it.
     */
    public Dataset patch(Tenant tenant, String id, ObjectNode changes) {
        return database.inTransaction(connection -> {
            Dataset current = datasets.find(connection, tenant, id)
                    .orElseThrow(() -> DomainException.notFound("dataset", id));
            if (changes.has("schemaRef")
                    && !current.schemaId().equals(changes.path("schemaRef").path("id").asText(current.schemaId()))) {
                throw DomainException.invalid("schemaRef.id", changes.path("schemaRef").path("id").asText(),
                        "cannot change after creation; create a new dataset for another schema");
            }
            ObjectNode body = current.body().deepCopy();
            Iterator<Map.Entry<String, JsonNode>> fields = changes.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                body.set(field.getKey(), field.getValue());
            }
            long now = clock.millis();
            body.put("updated", now);
            body.put("version", nextVersion(current.body().path("version").asText("1.0.0")));
            String name = body.path("name").asText(current.name());
            Dataset updated = new Dataset(id, name, current.schemaId(), current.schemaClass(),
                    tagEnabled(body, "unifiedProfile"), tagEnabled(body, "unifiedIdentity"), body,
                    current.createdAt(), now);
            datasets.update(connection, tenant, updated);
            return updated;
        });
    }

    /** Increments the last part of a Catalog version such as {@code 1.0.3}. */
    static String nextVersion(String version) {
        int dot = version.lastIndexOf('.');
        try {
            return version.substring(0, dot + 1) + (Long.parseLong(version.substring(dot + 1)) + 1);
        } catch (NumberFormatException e) {
            return "1.0.1";
        }
    }

    private static boolean tagEnabled(ObjectNode body, String tag) {
        for (JsonNode value : body.path("tags").path(tag)) {
            if ("enabled:true".equalsIgnoreCase(value.asText().replace(" ", ""))) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}

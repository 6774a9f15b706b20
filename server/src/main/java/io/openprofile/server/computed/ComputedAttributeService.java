package io.openprofile.server.computed;

import io.openprofile.server.computed.pql.CompiledExpression;
import io.openprofile.server.computed.pql.Pql;
import io.openprofile.server.computed.pql.PqlException;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.jobs.JobRepository;
import io.openprofile.server.jobs.JobRunner;
import io.openprofile.server.schema.SchemaRegistryService;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.StoreException;
import io.openprofile.server.tenancy.SandboxCleared;
import io.openprofile.server.tenancy.SandboxGenerations;
import io.openprofile.server.tenancy.SandboxMarks;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Computed attribute definitions: creation, the status rules of changes, deletion, and the
 * evaluation job that a change to {@code NEW} queues. Both API generations use this service.
 */
@ApplicationScoped
public class ComputedAttributeService {

    /** Job type of a full evaluation of one attribute over every stored event. */
    public static final String EVALUATION_JOB = "computed-attribute-evaluation";

    private static final Logger LOG = Logger.getLogger(ComputedAttributeService.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Map<String, int[]> DURATION_RANGES = Map.of(
            "HOURS", new int[] {1, 24},
            "DAYS", new int[] {1, 7},
            "WEEKS", new int[] {1, 4},
            "MONTHS", new int[] {1, 6});

    private final Database database;
    private final ComputedAttributeRepository attributes;
    private final ComputedValueRepository values;
    private final JobRepository jobs;
    private final JobRunner runner;
    private final ActiveAttributes active;
    private final Clock clock;
    private final int maxPerSandbox;
    private final SandboxMarks lockRows;

    ComputedAttributeService(Database database, ComputedAttributeRepository attributes, ComputedValueRepository values,
            JobRepository jobs, JobRunner runner, ActiveAttributes active, Clock clock, SandboxGenerations generations,
            @ConfigProperty(name = "openprofile.computed-attributes.max-per-sandbox") int maxPerSandbox) {
        this.database = database;
        this.attributes = attributes;
        this.values = values;
        this.jobs = jobs;
        this.runner = runner;
        this.active = active;
        this.clock = clock;
        this.maxPerSandbox = maxPerSandbox;
        this.lockRows = new SandboxMarks(generations);
    }

    /**
     * The fields a request sets, before validation.
     *
     * @param expressionType {@code expression.type}, which must be {@code PQL}
     * @param expressionFormat {@code expression.format}, which must be {@code pql/text}
     */
    public record Definition(String name, String displayName, String description, String expressionType,
            String expressionFormat, String expression, Integer durationCount, String durationUnit,
            Boolean keepCurrent, String status) {
    }

    /** Returns the attribute's parent path in the current API: {@code _<tenant>.ComputedAttributes}. */
    public static List<String> currentParentPath(Tenant tenant) {
        return List.of("_" + SchemaRegistryService.tenantId(tenant), "ComputedAttributes");
    }

    /** Creates an attribute; {@code parentPath} is where its value goes. */
    public ComputedAttribute create(Tenant tenant, ComputedAttribute.Generation generation, List<String> parentPath,
            Definition definition) {
        requireName(definition.name());
        CompiledExpression compiled = compile(definition.expressionType(), definition.expressionFormat(),
                definition.expression());
        ComputedAttribute.Duration duration = duration(definition.durationCount(), definition.durationUnit());
        ComputedAttributeStatus status = initialStatus(definition.status());
        long now = clock.millis();
        ComputedAttribute attribute = new ComputedAttribute(UUID.randomUUID().toString(), definition.name(),
                definition.displayName() == null ? definition.name() : definition.displayName(),
                definition.description(), generation, parentPath, definition.expression(), duration,
                Boolean.TRUE.equals(definition.keepCurrent()), status, compiled.mergeFunction(),
                compiled.returnType().metaName(), now, now, null);
        write(tenant, connection -> {
            long counted = attributes.findAll(connection, tenant).stream()
                    .filter(existing -> existing.status().countsTowardLimit()).count();
            if (counted >= maxPerSandbox) {
                throw new DomainException(ErrorKind.UNPROCESSABLE, "COMPUTED_ATTRIBUTE_LIMIT_REACHED",
                        "sandbox '" + tenant.sandboxName() + "' already has " + counted + " computed attributes "
                                + "that are not DISABLED and the maximum is " + maxPerSandbox
                                + " (openprofile.computed-attributes.max-per-sandbox); disable one first", null, null);
            }
            requireUnusedName(connection, tenant, attribute.name(), attribute.id());
            attributes.insert(connection, tenant, attribute);
            if (status == ComputedAttributeStatus.NEW) {
                jobs.enqueue(connection, tenant, EVALUATION_JOB, attribute.id(), now);
            }
            return null;
        });
        afterChange(tenant, attribute);
        LOG.infof("created computed attribute %s (%s, %s) in %s/%s", attribute.id(), attribute.name(),
                attribute.status(), tenant.orgId(), tenant.sandboxName());
        return attribute;
    }

    public ComputedAttribute get(Tenant tenant, String id) {
        return database.inTransaction(connection -> attributes.find(connection, tenant, id))
                .orElseThrow(() -> notFound(tenant, id));
    }

    public List<ComputedAttribute> list(Tenant tenant) {
        return database.inTransaction(connection -> attributes.findAll(connection, tenant));
    }

    /**
     * Applies a change to the fields of {@code change} that are not null, after checking that the
     * attribute's status allows them. {@code changedFields} names the fields the request sent.
     */
    public ComputedAttribute update(Tenant tenant, String id, Definition change, Set<String> changedFields) {
        ComputedAttribute updated = write(tenant, connection -> {
            ComputedAttribute current = attributes.find(connection, tenant, id).orElseThrow(() -> notFound(tenant, id));
            ComputedAttribute next = applyChange(current, change, changedFields);
            if (!next.name().equals(current.name())) {
                requireUnusedName(connection, tenant, next.name(), id);
            }
            boolean reevaluate = next.status() == ComputedAttributeStatus.NEW
                    && current.status() != ComputedAttributeStatus.NEW;
            if (reevaluate && !current.status().countsTowardLimit()) {
                long counted = attributes.findAll(connection, tenant).stream()
                        .filter(existing -> existing.status().countsTowardLimit()).count();
                if (counted >= maxPerSandbox) {
                    throw new DomainException(ErrorKind.UNPROCESSABLE, "COMPUTED_ATTRIBUTE_LIMIT_REACHED",
                            "sandbox '" + tenant.sandboxName() + "' already has " + counted + " computed attributes "
                                    + "that are not DISABLED and the maximum is " + maxPerSandbox, "status", "NEW");
                }
            }
            attributes.update(connection, tenant, next);
            if (next.status() == ComputedAttributeStatus.DISABLED) {
                values.deleteAttribute(connection, tenant, id);
            }
            if (reevaluate) {
                values.deleteAttribute(connection, tenant, id);
                jobs.enqueue(connection, tenant, EVALUATION_JOB, id, clock.millis());
            }
            return next;
        });
        afterChange(tenant, updated);
        LOG.infof("changed computed attribute %s (%s) in %s/%s", id, updated.status(), tenant.orgId(),
                tenant.sandboxName());
        return updated;
    }

    /**
     * Applies a legacy PATCH: the legacy API has no draft step, so a changed definition is
     * evaluated again at once, whatever the status. {@code active} false disables the attribute,
     * true evaluates it again, and null leaves the status to the other changes.
     */
    public ComputedAttribute legacyUpdate(Tenant tenant, String id, Definition change, Set<String> changedFields,
            Boolean active) {
        ComputedAttribute updated = write(tenant, connection -> {
            ComputedAttribute current = attributes.find(connection, tenant, id).orElseThrow(() -> notFound(tenant, id));
            ComputedAttribute draft = current.withStatus(ComputedAttributeStatus.DRAFT, clock.millis());
            ComputedAttribute edited = applyChange(draft, change, changedFields);
            boolean reevaluate = Boolean.TRUE.equals(active) || active == null && !changedFields.isEmpty()
                    && current.status() != ComputedAttributeStatus.DISABLED;
            ComputedAttributeStatus status = Boolean.FALSE.equals(active) ? ComputedAttributeStatus.DISABLED
                    : reevaluate ? ComputedAttributeStatus.NEW : current.status();
            ComputedAttribute next = edited.withStatus(status, clock.millis());
            attributes.update(connection, tenant, next);
            if (status != ComputedAttributeStatus.PROCESSED && status != ComputedAttributeStatus.PROCESSING) {
                values.deleteAttribute(connection, tenant, id);
            }
            if (status == ComputedAttributeStatus.NEW) {
                jobs.enqueue(connection, tenant, EVALUATION_JOB, id, clock.millis());
            }
            return next;
        });
        afterChange(tenant, updated);
        return updated;
    }

    /**
     * Deletes an attribute and its values. With {@code draftOnly}, as in the current API, an
     * attribute in another status is a 409.
     */
    public ComputedAttribute delete(Tenant tenant, String id, boolean draftOnly) {
        ComputedAttribute deleted = write(tenant, connection -> {
            ComputedAttribute current = attributes.find(connection, tenant, id).orElseThrow(() -> notFound(tenant, id));
            if (draftOnly && current.status() != ComputedAttributeStatus.DRAFT) {
                throw new DomainException(ErrorKind.CONFLICT, "COMPUTED_ATTRIBUTE_NOT_DRAFT", "computed attribute '"
                        + id + "' is " + current.status() + " and only DRAFT attributes can be deleted; set its "
                        + "status to DISABLED instead", "status", current.status().name());
            }
            values.deleteAttribute(connection, tenant, id);
            attributes.delete(connection, tenant, id);
            return current;
        });
        active.invalidate(tenant);
        LOG.infof("deleted computed attribute %s in %s/%s", id, tenant.orgId(), tenant.sandboxName());
        return deleted;
    }

    /** Checks a change against the rules of the attribute's status and returns the changed attribute. */
    private ComputedAttribute applyChange(ComputedAttribute current, Definition change, Set<String> changedFields) {
        ComputedAttributeStatus status = current.status();
        ComputedAttributeStatus nextStatus = change.status() == null ? status : parseStatus(change.status());
        if (status != ComputedAttributeStatus.DRAFT) {
            for (String field : changedFields) {
                if (!field.equals("status")) {
                    throw DomainException.invalid(field, "(changed)", "cannot change while the attribute is " + status
                            + "; only DRAFT attributes can be edited");
                }
            }
        }
        if (nextStatus != status && !allowed(status, nextStatus)) {
            throw DomainException.invalid("status", nextStatus.name(), "cannot follow " + status + "; allowed: "
                    + allowedText(status));
        }

        String name = current.name();
        if (change.name() != null) {
            requireName(change.name());
            name = change.name();
        }
        String expression = current.expression();
        String mergeFunction = current.mergeFunction();
        String returnType = current.returnType();
        if (change.expression() != null || change.expressionType() != null || change.expressionFormat() != null) {
            String text = change.expression() == null ? current.expression() : change.expression();
            CompiledExpression compiled = compile(change.expressionType() == null ? "PQL" : change.expressionType(),
                    change.expressionFormat() == null ? "pql/text" : change.expressionFormat(), text);
            expression = text;
            mergeFunction = compiled.mergeFunction();
            returnType = compiled.returnType().metaName();
        }

        ComputedAttribute.Duration duration = current.duration();
        if (changedFields.contains("duration")) {
            duration = duration(change.durationCount(), change.durationUnit());
        }
        return new ComputedAttribute(current.id(), name,
                change.displayName() == null ? current.displayName() : change.displayName(),
                change.description() == null ? current.description() : change.description(), current.generation(),
                current.parentPath(), expression, duration,
                change.keepCurrent() == null ? current.keepCurrent() : change.keepCurrent(), nextStatus,
                mergeFunction, returnType, current.createdAt(), clock.millis(), current.evaluatedAt());
    }

    private static boolean allowed(ComputedAttributeStatus from, ComputedAttributeStatus to) {
        return switch (from) {
            case DRAFT -> to == ComputedAttributeStatus.NEW;
            case NEW, INITIALIZING, PROCESSING, PROCESSED -> to == ComputedAttributeStatus.DISABLED;
            case DISABLED, FAILED -> to == ComputedAttributeStatus.NEW;
        };
    }

    private static String allowedText(ComputedAttributeStatus from) {
        return switch (from) {
            case DRAFT, DISABLED, FAILED -> "NEW";
            case NEW, INITIALIZING, PROCESSING, PROCESSED -> "DISABLED";
        };
    }

    /** Parses and checks an expression; errors are a 400 naming the position. */
    static CompiledExpression compile(String type, String format, String expression) {
        if (type == null || type.isBlank()) {
            throw DomainException.missing("expression.type", "use PQL");
        }
        if (!"PQL".equals(type)) {
            throw DomainException.invalid("expression.type", type, "must be PQL, the only supported language");
        }
        if (format == null || format.isBlank()) {
            throw DomainException.missing("expression.format", "use pql/text");
        }
        if (!"pql/text".equals(format)) {
            throw DomainException.invalid("expression.format", format, "must be pql/text");
        }
        if (expression == null || expression.isBlank()) {
            throw DomainException.missing("expression.value", "give a PQL expression such as "
                    + "xEvent[eventType = \"commerce.purchases\"].count()");
        }
        try {
            return Pql.compile(expression);
        } catch (PqlException e) {
            throw new DomainException(ErrorKind.INVALID_INPUT, "INVALID_EXPRESSION",
                    "expression.value is invalid: " + e.getMessage(), "expression.value", expression);
        }
    }

    private static ComputedAttribute.Duration duration(Integer count, String unit) {
        if (count == null && unit == null) {
            return null;
        }
        if (unit == null) {
            throw DomainException.missing("duration.unit", "use HOURS, DAYS, WEEKS or MONTHS");
        }
        int[] range = DURATION_RANGES.get(unit);
        if (range == null) {
            throw DomainException.invalid("duration.unit", unit, "must be HOURS, DAYS, WEEKS or MONTHS");
        }
        if (count == null) {
            throw DomainException.missing("duration.count", "give a count from " + range[0] + " to " + range[1]);
        }
        if (count < range[0] || count > range[1]) {
            throw DomainException.invalid("duration.count", count, "must be from " + range[0] + " to " + range[1]
                    + " for " + unit);
        }
        return new ComputedAttribute.Duration(count, unit);
    }

    private static ComputedAttributeStatus initialStatus(String status) {
        if (status == null) {
            return ComputedAttributeStatus.DRAFT;
        }
        ComputedAttributeStatus parsed = parseStatus(status);
        if (parsed != ComputedAttributeStatus.DRAFT && parsed != ComputedAttributeStatus.NEW) {
            throw DomainException.invalid("status", status, "must be DRAFT or NEW when creating an attribute");
        }
        return parsed;
    }

    private static ComputedAttributeStatus parseStatus(String status) {
        return ComputedAttributeStatus.parse(status).orElseThrow(() -> DomainException.invalid("status", status,
                "must be one of DRAFT, NEW, INITIALIZING, PROCESSING, PROCESSED, FAILED, DISABLED"));
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.missing("name", "use 1 to 64 letters and digits, such as totalSpent7Days");
        }
        if (!NAME.matcher(name).matches()) {
            throw DomainException.invalid("name", name, "must have 1 to 64 letters and digits, without spaces or "
                    + "underscores");
        }
    }

    private void requireUnusedName(Connection connection, Tenant tenant, String name, String id) throws SQLException {
        Optional<ComputedAttribute> sameName = attributes.findByName(connection, tenant, name);
        if (sameName.isPresent() && !sameName.get().id().equals(id)) {
            throw new DomainException(ErrorKind.CONFLICT, "COMPUTED_ATTRIBUTE_NAME_TAKEN", "name '" + name
                    + "' is already used by computed attribute '" + sameName.get().id() + "'", "name", name);
        }
    }

    private void afterChange(Tenant tenant, ComputedAttribute attribute) {
        active.invalidate(tenant);
        if (attribute.status() == ComputedAttributeStatus.NEW) {
            runner.wake();
        }
    }

    /** Runs a change of the sandbox's attributes in one transaction holding the sandbox's attribute lock. */
    private <T> T write(Tenant tenant, Database.Work<T> change) {
        ensureLockRow(tenant);
        try {
            return database.inTransaction(connection -> {
                attributes.lock(connection, tenant);
                return change.run(connection);
            });
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                throw new DomainException(ErrorKind.CONFLICT, "COMPUTED_ATTRIBUTE_NAME_TAKEN",
                        "another computed attribute with the same name was stored at the same time", "name", null);
            }
            throw e;
        }
    }

    /** Creates the sandbox's lock row on first use, and again after a reset through any process removed it. */
    private void ensureLockRow(Tenant tenant) {
        OptionalLong generation = lockRows.unmarked(tenant);
        if (generation.isEmpty()) {
            return;
        }
        try {
            database.inTransaction(connection -> {
                if (!attributes.hasLockRow(connection, tenant)) {
                    attributes.createLockRow(connection, tenant);
                }
                return null;
            });
        } catch (StoreException e) {
            if (!e.isDuplicateKey()) {
                throw e;
            }
            // another request created the lock row at the same time
        }
        lockRows.mark(tenant, generation.getAsLong());
    }

    private static DomainException notFound(Tenant tenant, String id) {
        return new DomainException(ErrorKind.NOT_FOUND, "COMPUTED_ATTRIBUTE_NOT_FOUND", "computed attribute '" + id
                + "' does not exist in sandbox '" + tenant.sandboxName() + "'", "attributeId", id);
    }

    /** Forgets the lock row of a reset or deleted sandbox, which the reset removed. */
    void onSandboxCleared(@Observes SandboxCleared event) {
        lockRows.forget(event.tenant());
    }
}

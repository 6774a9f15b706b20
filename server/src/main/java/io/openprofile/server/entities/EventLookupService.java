package io.openprofile.server.entities;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.merge.FieldSelector;
import io.openprofile.server.merge.IdentityGraphType;
import io.openprofile.server.merge.MergePolicy;
import io.openprofile.server.mergepolicy.MergePolicyService;
import io.openprofile.server.profile.EventQuery;
import io.openprofile.server.profile.ProfileDataRepository;
import io.openprofile.server.profile.StoredEvent;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.Json;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a person's experience events in pages. Pages are keyset-paged on (timestamp, dataset,
 * event id, identity), so following {@code _page.next} returns every event that existed when the
 * first page was read, once. An event written meanwhile appears only if it sorts after the page
 * being read, and an event rewritten with a later timestamp may appear again.
 */
@ApplicationScoped
public class EventLookupService {

    static final String EVENT_SCHEMA = "_xdm.context.experienceevent";
    static final int MAX_LIMIT = 1000;
    static final int MAX_PROPERTY_FILTERS = 3;

    private final Database database;
    private final PersonResolver persons;
    private final ProfileDataRepository data;
    private final MergePolicyService policies;

    EventLookupService(Database database, PersonResolver persons, ProfileDataRepository data,
            MergePolicyService policies) {
        this.database = database;
        this.persons = persons;
        this.data = data;
        this.policies = policies;
    }

    /**
     * Serves a GET event lookup: checks the parameters, requires the person to exist (an unknown
     * identity is a 404, not an empty page) and returns Adobe's page object with a next link.
     */
    public ObjectNode get(Tenant tenant, EventLookupParameters parameters) {
        requireRelatedSchema(parameters.relatedSchemaName(), "relatedSchema.name");
        MergePolicy policy = policies.resolve(tenant, parameters.mergePolicyId(), "mergePolicyId");
        String entityId = persons.entityIdOf(tenant, parameters.relatedEntityId(), parameters.relatedEntityIdNs(),
                "relatedEntityId", "relatedEntityIdNS");
        persons.require(tenant, entityId, parameters.relatedEntityId(), parameters.relatedEntityIdNs());
        List<String> fields = parameters.fields() == null || parameters.fields().isBlank() ? List.of()
                : List.of(parameters.fields().split(","));
        EventPageRequest request = pageRequest(parameters.relatedEntityId(), parameters.relatedEntityIdNs(),
                entityId, parameters.startTime(), parameters.endTime(), parameters.orderby(), "orderby",
                parameters.limit(), parameters.properties(), fields, parameters.start(), parameters.mergePolicyId(),
                policy.identityGraph());
        return toGetResponse(read(tenant, request), request);
    }

    /** Checks the shared paging parameters and builds a page request. */
    static EventPageRequest pageRequest(String relatedEntityId, String relatedEntityIdNs, String entityId,
            Long startTime, Long endTime, String orderby, String orderField, Integer limit, List<String> properties,
            List<String> fields, String start, String mergePolicyId, IdentityGraphType identityGraph) {
        if (startTime != null && endTime != null && startTime > endTime) {
            throw DomainException.invalid("endTime", endTime, "must not be before startTime (" + startTime + ")");
        }
        int size = limit == null ? MAX_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw DomainException.invalid("limit", size, "must be between 1 and " + MAX_LIMIT);
        }
        return new EventPageRequest(relatedEntityId, relatedEntityIdNs, entityId, startTime, endTime,
                Orderings.descending(orderby, orderField), size, properties == null ? List.of() : properties,
                fields, start, mergePolicyId, identityGraph);
    }

    static void requireRelatedSchema(String relatedSchemaName, String field) {
        if (relatedSchemaName == null || relatedSchemaName.isBlank()) {
            throw DomainException.missing(field, "event lookups name the profile schema of the person: "
                    + ProfileLookupService.PROFILE_SCHEMA);
        }
        if (!ProfileLookupService.PROFILE_SCHEMA.equals(relatedSchemaName)) {
            throw DomainException.invalid(field, relatedSchemaName, "must be " + ProfileLookupService.PROFILE_SCHEMA);
        }
    }

    /** A page of events, with the cursor of the next page or null on the last page. */
    public record Page(List<ObjectNode> children, String next, String orderby) {
    }

    /** Reads one page; a person without data gives an empty last page. */
    public Page read(Tenant tenant, EventPageRequest request) {
        List<PropertyFilter> filters = parseFilters(request.properties());
        FieldSelector fields = request.fields() == null || request.fields().isEmpty() ? null
                : parseFields(request.fields());
        EventQuery.Position after = decodeStart(request.start(), request.descending());
        String orderby = request.descending() ? "-timestamp" : "timestamp";
        var person = persons.find(tenant, request.entityId(), request.relatedEntityId());
        if (person.isEmpty()) {
            return new Page(List.of(), null, orderby);
        }
        List<ObjectNode> children = new ArrayList<>();
        StoredEvent last = null;
        boolean more = false;
        int chunk = Math.min(MAX_LIMIT, request.limit() + 1);
        while (true) {
            EventQuery query = new EventQuery(request.startTime(), request.endTime(), request.descending(), chunk,
                    after);
            List<StoredEvent> rows = database.inTransaction(c -> data.findEvents(c, tenant, person.get().xids(), query));
            for (StoredEvent row : rows) {
                after = new EventQuery.Position(row.eventTime(), row.datasetId(), row.eventId(), row.primaryXid());
                if (!inScope(request, row) || !matchesAll(filters, row.record())) {
                    continue;
                }
                if (children.size() == request.limit()) {
                    more = true;
                    break;
                }
                children.add(child(request.entityId(), row, fields));
                last = row;
            }
            if (more || rows.size() < chunk) {
                break;
            }
        }
        String next = more && last != null ? new EventCursor(last.eventTime(), last.datasetId(), last.eventId(),
                last.primaryXid(), request.descending()).encode() : null;
        return new Page(children, next, orderby);
    }

    /** Builds Adobe's page object with a GET next link relative to {@code /data/core/ups/access}. */
    public static ObjectNode toGetResponse(Page page, EventPageRequest request) {
        ObjectNode response = pageObject(page, request);
        String href = page.next() == null ? "" : EventLinks.nextHref(request, page.next(), page.orderby());
        response.putObject("_links").putObject("next").put("href", href);
        return response;
    }

    static ObjectNode pageObject(Page page, EventPageRequest request) {
        ObjectNode response = Json.object();
        ObjectNode pageInfo = response.putObject("_page");
        pageInfo.put("orderby", page.orderby());
        pageInfo.put("start", request.start() == null ? "" : request.start());
        pageInfo.put("count", page.children().size());
        pageInfo.put("next", page.next() == null ? "" : page.next());
        ArrayNode children = response.putArray("children");
        page.children().forEach(children::add);
        return response;
    }

    private static ObjectNode child(String relatedEntityId, StoredEvent row, FieldSelector fields) {
        ObjectNode child = Json.object();
        child.put("relatedEntityId", relatedEntityId);
        child.put("entityId", row.eventId());
        child.put("timestamp", row.eventTime());
        child.set("entity", fields == null ? row.record() : fields.select(row.record()));
        child.put("lastModifiedAt", Instant.ofEpochMilli(row.ingestedAt()).toString());
        return child;
    }

    /** Without stitching, only events that carry the requested identity belong to the person. */
    private static boolean inScope(EventPageRequest request, StoredEvent row) {
        return request.identityGraph() != IdentityGraphType.NONE || row.carries(request.entityId());
    }

    private static boolean matchesAll(List<PropertyFilter> filters, ObjectNode record) {
        for (PropertyFilter filter : filters) {
            if (!filter.matches(record)) {
                return false;
            }
        }
        return true;
    }

    private static List<PropertyFilter> parseFilters(List<String> properties) {
        if (properties == null || properties.isEmpty()) {
            return List.of();
        }
        if (properties.size() > MAX_PROPERTY_FILTERS) {
            throw DomainException.invalid("property", properties.size() + " filters",
                    "allows at most " + MAX_PROPERTY_FILTERS + " filters per request");
        }
        List<PropertyFilter> filters = new ArrayList<>();
        for (String property : properties) {
            try {
                filters.add(PropertyFilter.parse(property));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("property", property, "must be <path><operator><value> with one of "
                        + "=, !=, <, <=, >, >=: " + e.getMessage());
            }
        }
        return filters;
    }

    private static FieldSelector parseFields(List<String> fields) {
        try {
            return FieldSelector.parse(String.join(",", fields));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("fields", String.join(",", fields),
                    "must be comma-separated XDM paths: " + e.getMessage());
        }
    }

    private static EventQuery.Position decodeStart(String start, boolean descending) {
        if (start == null || start.isBlank()) {
            return null;
        }
        EventCursor cursor;
        try {
            cursor = EventCursor.decode(start);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("start", start, "must be a cursor taken from _page.next of an earlier "
                    + "page");
        }
        if (cursor.descending() != descending) {
            throw DomainException.invalid("start", start, "belongs to a page in the other order; keep orderby as "
                    + "it was on the first page");
        }
        return new EventQuery.Position(cursor.timestamp(), cursor.datasetId(), cursor.eventId(),
                cursor.identityKey());
    }
}

package io.openprofile.client.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The experience events to read for one profile, for
 * {@link OpenProfileClient#allExperienceEvents(EventQuery)}. Unset options are left out of the
 * request, so the server's defaults apply.
 */
public final class EventQuery {

    private final String entityId;
    private final String namespace;
    private String fields;
    private String mergePolicyId;
    private Long startTime;
    private Long endTime;
    private Integer pageSize;
    private String orderBy;
    private final List<String> filters = new ArrayList<>();

    private EventQuery(String entityId, String namespace) {
        this.entityId = Objects.requireNonNull(entityId, "entityId");
        this.namespace = namespace;
    }

    /**
     * Creates a query for the events of the profile that has identity {@code entityId} in
     * namespace {@code namespace}, such as {@code Email}.
     */
    public static EventQuery forIdentity(String entityId, String namespace) {
        return new EventQuery(entityId, Objects.requireNonNull(namespace, "namespace"));
    }

    /** Creates a query for the events of the profile with an entity id that openprofile returned earlier. */
    public static EventQuery forEntityId(String entityId) {
        return new EventQuery(entityId, null);
    }

    /** Sets the comma-separated XDM paths to return, such as {@code web,timestamp}. */
    public EventQuery fields(String fields) {
        this.fields = fields;
        return this;
    }

    /** Sets the merge policy whose identity graph decides which events belong to the profile. */
    public EventQuery mergePolicyId(String mergePolicyId) {
        this.mergePolicyId = mergePolicyId;
        return this;
    }

    /** Sets the earliest event timestamp to return, inclusive, in epoch milliseconds. */
    public EventQuery startTime(long startTime) {
        this.startTime = startTime;
        return this;
    }

    /** Sets the event timestamp to stop before, exclusive, in epoch milliseconds. */
    public EventQuery endTime(long endTime) {
        this.endTime = endTime;
        return this;
    }

    /** Sets the number of events per request, from 1 to 1000. The server checks the range. */
    public EventQuery pageSize(int pageSize) {
        this.pageSize = pageSize;
        return this;
    }

    /** Sets the order, {@code +timestamp} (oldest first, the server's default) or {@code -timestamp}. */
    public EventQuery orderBy(String orderBy) {
        this.orderBy = orderBy;
        return this;
    }

    /**
     * Adds a filter on an event field, such as {@code web.webPageDetails.isHomepage=false}. The
     * server accepts up to three, which must all match.
     */
    public EventQuery filter(String filter) {
        filters.add(Objects.requireNonNull(filter, "filter"));
        return this;
    }

    String entityId() {
        return entityId;
    }

    String namespace() {
        return namespace;
    }

    String fields() {
        return fields;
    }

    String mergePolicyId() {
        return mergePolicyId;
    }

    Long startTime() {
        return startTime;
    }

    Long endTime() {
        return endTime;
    }

    Integer pageSize() {
        return pageSize;
    }

    String orderBy() {
        return orderBy;
    }

    List<String> filters() {
        return filters.isEmpty() ? null : List.copyOf(filters);
    }
}

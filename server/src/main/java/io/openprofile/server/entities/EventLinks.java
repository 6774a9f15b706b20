package io.openprofile.server.entities;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@code _links.next.href} of an event page, relative to {@code /data/core/ups/access}. */
final class EventLinks {

    private EventLinks() {
    }

    static String nextHref(EventPageRequest request, String next, String orderby) {
        List<String> query = new ArrayList<>();
        add(query, "start", next);
        add(query, "orderby", orderby.equals("timestamp") ? "+timestamp" : orderby);
        add(query, "schema.name", EventLookupService.EVENT_SCHEMA);
        add(query, "relatedSchema.name", ProfileLookupService.PROFILE_SCHEMA);
        add(query, "relatedEntityId", request.relatedEntityId());
        add(query, "relatedEntityIdNS", request.relatedEntityIdNs());
        if (request.fields() != null && !request.fields().isEmpty()) {
            add(query, "fields", String.join(",", request.fields()));
        }
        add(query, "startTime", request.startTime() == null ? null : request.startTime().toString());
        add(query, "endTime", request.endTime() == null ? null : request.endTime().toString());
        add(query, "limit", Integer.toString(request.limit()));
        add(query, "mergePolicyId", request.mergePolicyId());
        if (request.properties() != null) {
            request.properties().forEach(property -> add(query, "property", property));
        }
        return "/entities?" + String.join("&", query);
    }

    private static void add(List<String> query, String name, String value) {
        if (value != null && !value.isEmpty()) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}

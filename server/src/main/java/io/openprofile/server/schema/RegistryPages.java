package io.openprofile.server.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.api.model.XdmLink;
import io.openprofile.server.api.model.XdmListLinks;
import io.openprofile.server.api.model.XdmPage;
import io.openprofile.server.api.model.XdmResourceList;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.store.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * Pages of Schema Registry lists. A list is sorted by a text property ({@code title}, or
 * {@code @id} for descriptors), and {@code start} is the sort value of the first resource of the
 * page, which the previous page returned as {@code _page.next}.
 */
final class RegistryPages {

    private RegistryPages() {
    }

    /** Sorts, cuts and wraps {@code resources} as the page that {@code start} and {@code limit} select. */
    static XdmResourceList page(List<ObjectNode> resources, String sortProperty, String path, String orderby,
            int limit, String start) {
        boolean descending = descending(orderby);
        Comparator<String> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        List<ObjectNode> sorted = resources.stream()
                .filter(resource -> start == null || order.compare(key(resource, sortProperty), start) >= 0)
                .sorted(Comparator.comparing(resource -> key(resource, sortProperty), order))
                .toList();
        List<ObjectNode> results = sorted.stream().limit(limit).map(RegistryPages::summaryFirst).toList();
        String next = sorted.size() > limit ? key(sorted.get(limit), sortProperty) : null;
        String sort = (descending ? "-" : "") + sortProperty;

        XdmResourceList list = new XdmResourceList()
                .results(results)
                .page(new XdmPage().orderby(sort).next(next).count(results.size()));
        if (next != null) {
            String href = path + "?orderby=" + encode(sort) + "&limit=" + limit + "&start=" + encode(next);
            list.links(new XdmListLinks().next(new XdmLink().href(href)));
        }
        return list;
    }

    private static boolean descending(String orderby) {
        if (orderby == null || orderby.equals("title")) {
            return false;
        }
        if (orderby.equals("-title")) {
            return true;
        }
        throw DomainException.invalid("orderby", orderby, "must be title or -title");
    }

    private static String key(ObjectNode resource, String sortProperty) {
        return resource.path(sortProperty).asText("");
    }

    /** Puts {@code $id}, {@code meta:altId}, {@code version} and {@code title} first, as Adobe's lists do. */
    private static ObjectNode summaryFirst(ObjectNode resource) {
        ObjectNode ordered = Json.object();
        for (String property : List.of("$id", "meta:altId", "version", "title")) {
            if (resource.has(property)) {
                ordered.set(property, resource.get(property));
            }
        }
        ordered.setAll(resource);
        return ordered;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

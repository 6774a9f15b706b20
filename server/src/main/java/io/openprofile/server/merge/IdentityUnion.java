package io.openprofile.server.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.identity.Namespace;
import io.openprofile.server.identity.NamespaceResolver;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Union of the identities of several fragments, for the merged profile.
 *
 * <p>{@code identityMap} entries are grouped by namespace and de-duplicated by id value (case-sensitive), and the
 * first entry seen in precedence order is kept with its {@code primary} and {@code authenticatedState}. Namespace
 * keys that resolve to the same namespace, or that differ only in case, are combined under one key: the
 * namespace's canonical code when the resolver knows it, otherwise the spelling seen first in precedence order.
 * The legacy {@code identities} array is combined the same way, keyed by namespace code and id.
 */
final class IdentityUnion {

    private static final String IDENTITY_MAP = "identityMap";
    private static final String IDENTITIES = "identities";

    private final NamespaceResolver resolver;
    private final Map<String, MapGroup> identityMap = new LinkedHashMap<>();
    private final Map<String, JsonNode> identities = new LinkedHashMap<>();
    private boolean sawIdentityMap;
    private boolean sawIdentities;

    IdentityUnion(NamespaceResolver resolver) {
        this.resolver = resolver;
    }

    static boolean isIdentityField(String name) {
        return name.equals(IDENTITY_MAP) || name.equals(IDENTITIES);
    }

    /** Combines the identities of fragments given in precedence order and stores them in {@code entity}. */
    void addTo(ObjectNode entity, List<Fragment> fragments) {
        for (Fragment fragment : fragments) {
            addIdentityMap(fragment.record().get(IDENTITY_MAP));
            addIdentities(fragment.record().get(IDENTITIES));
        }
        if (sawIdentityMap) {
            ObjectNode map = entity.putObject(IDENTITY_MAP);
            identityMap.values().forEach(group -> map.set(group.key, group.entries));
        }
        if (sawIdentities) {
            ArrayNode array = entity.putArray(IDENTITIES);
            identities.values().forEach(array::add);
        }
    }

    private void addIdentityMap(JsonNode map) {
        if (map == null || !map.isObject()) {
            return;
        }
        sawIdentityMap = true;
        map.fields().forEachRemaining(entry -> {
            if (entry.getValue().isArray()) {
                String key = canonicalCode(entry.getKey());
                MapGroup group = identityMap.computeIfAbsent(lowerCase(key),
                        ignored -> new MapGroup(key, JsonNodeFactory.instance.arrayNode()));
                entry.getValue().forEach(group::add);
            }
        });
    }

    private void addIdentities(JsonNode array) {
        if (array == null || !array.isArray()) {
            return;
        }
        sawIdentities = true;
        for (JsonNode element : array) {
            JsonNode code = element.path("namespace").path("code");
            JsonNode id = element.path("id");
            if (code.isTextual() && id.isTextual()) {
                identities.putIfAbsent(lowerCase(canonicalCode(code.asText())) + '\0' + id.asText(),
                        element.deepCopy());
            }
        }
    }

    private String canonicalCode(String codeOrUri) {
        return resolver.resolve(codeOrUri).map(Namespace::code).orElse(codeOrUri);
    }

    private static String lowerCase(String code) {
        return code.toLowerCase(Locale.ROOT);
    }

    /** The combined entries of one namespace. */
    private static final class MapGroup {

        private final String key;
        private final ArrayNode entries;
        private final Set<String> ids = new HashSet<>();

        MapGroup(String key, ArrayNode entries) {
            this.key = key;
            this.entries = entries;
        }

        void add(JsonNode entry) {
            JsonNode id = entry.path("id");
            if (id.isTextual() && ids.add(id.asText())) {
                entries.add(entry.deepCopy());
            }
        }
    }
}

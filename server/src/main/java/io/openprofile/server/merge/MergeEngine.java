package io.openprofile.server.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.identity.NamespaceResolver;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Merges the fragments of one person into a profile according to a merge policy.
 *
 * <p>The caller passes the fragments that the policy's identity graph selects. The engine then applies the
 * attribute rule:
 * <ul>
 *   <li><b>Timestamp ordered:</b> for each leaf attribute the fragment with the latest {@code recordTime} wins.
 *   Ties go to the later {@code ingestedAt}, then to the smaller {@code datasetId}, then to the smaller
 *   {@code key} (both compared as strings), so the result does not depend on the input order.</li>
 *   <li><b>Dataset precedence:</b> fragments of datasets missing from the policy's order take no part. For each
 *   leaf the dataset listed earliest that has a value wins, and within one dataset the fragment that would win
 *   under timestamp order wins.</li>
 * </ul>
 * Objects merge field by field, while an array is a leaf and is replaced whole. A JSON {@code null} never
 * overwrites a value and is left out of the profile. Identities are combined from every fragment that takes
 * part instead of being won (see {@link IdentityUnion}).
 */
public final class MergeEngine {

    /** Precedence under timestamp order: the fragment that sorts first wins. */
    static final Comparator<Fragment> NEWEST_FIRST = Comparator
            .comparingLong(Fragment::recordTime).reversed()
            .thenComparing(Comparator.comparingLong(Fragment::ingestedAt).reversed())
            .thenComparing(Fragment::datasetId)
            .thenComparing(Fragment::key);

    private final NamespaceResolver resolver;

    /** Creates an engine that combines {@code identityMap} keys only when they differ in case. */
    public MergeEngine() {
        this(code -> Optional.empty());
    }

    /**
     * Creates an engine that also combines {@code identityMap} keys that resolve to the same namespace, such as
     * {@code ECID} and {@code https://data.adobe.io/entities/namespace/4}.
     */
    public MergeEngine(NamespaceResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Merges fragments; the list may be in any order and is not modified. */
    public MergedProfile merge(List<Fragment> fragments, MergePolicy policy) {
        List<Fragment> ordered = inPrecedenceOrder(fragments, policy);
        ObjectNode entity = JsonNodeFactory.instance.objectNode();
        for (Fragment fragment : ordered) {
            fillAttributes(entity, fragment.record(), true);
        }
        new IdentityUnion(resolver).addTo(entity, ordered);
        TreeSet<String> sources = new TreeSet<>();
        long lastModifiedAt = 0;
        for (Fragment fragment : ordered) {
            sources.add(fragment.datasetId());
            lastModifiedAt = Math.max(lastModifiedAt, fragment.ingestedAt());
        }
        return new MergedProfile(entity, List.copyOf(sources), lastModifiedAt);
    }

    private static List<Fragment> inPrecedenceOrder(List<Fragment> fragments, MergePolicy policy) {
        if (policy.attributeMerge() == AttributeMergeType.TIMESTAMP_ORDERED) {
            return fragments.stream().sorted(NEWEST_FIRST).toList();
        }
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < policy.datasetOrder().size(); i++) {
            rank.put(policy.datasetOrder().get(i), i);
        }
        Comparator<Fragment> byRank = Comparator.comparingInt(fragment -> rank.get(fragment.datasetId()));
        return fragments.stream()
                .filter(fragment -> rank.containsKey(fragment.datasetId()))
                .sorted(byRank.thenComparing(NEWEST_FIRST))
                .toList();
    }

    /**
     * Copies into {@code target} every non-null value of {@code source} that {@code target} does not have yet.
     * Fragments are applied from highest to lowest precedence, so a value already present has won.
     */
    private static void fillAttributes(ObjectNode target, ObjectNode source, boolean topLevel) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull() || topLevel && IdentityUnion.isIdentityField(name)) {
                continue;
            }
            JsonNode existing = target.get(name);
            if (existing == null && value.isObject()) {
                fillAttributes(target.putObject(name), (ObjectNode) value, false);
            } else if (existing == null) {
                target.set(name, value.deepCopy());
            } else if (existing.isObject() && value.isObject()) {
                fillAttributes((ObjectNode) existing, (ObjectNode) value, false);
            }
        }
    }
}

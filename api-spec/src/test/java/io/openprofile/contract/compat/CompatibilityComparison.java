package io.openprofile.contract.compat;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps every operation in Adobe's specs to the openprofile operation that serves it, and
 * collects the differences.
 *
 * <p>Operations match when the method and the full path agree, with path parameters matched by
 * position whatever their names. Adobe's Schema Registry writes the container as the parameter
 * {@code {CONTAINER_ID}}, which openprofile spells out as the literal segment {@code global} or
 * {@code tenant}, so that parameter also matches either word.
 */
final class CompatibilityComparison {

    private static final String CONTAINER_PARAMETER = "{CONTAINER_ID}";
    private static final List<String> CONTAINERS = List.of("global", "tenant");

    private static final Comparator<ApiOperation> BY_PATH_AND_METHOD =
            Comparator.comparing(ApiOperation::normalizedPath).thenComparing(ApiOperation::method);

    /** One of Adobe's operations with the openprofile operations that serve it. */
    record Match(ApiOperation adobe, List<ApiOperation> ours, List<Difference> differences) {
    }

    /** The operations of one of Adobe's APIs, split into those openprofile serves and those it does not. */
    record ApiSection(String title, List<Match> matches, List<Difference> notImplemented) {
    }

    private final List<ApiSection> sections = new ArrayList<>();
    private final List<Difference> notInAdobe = new ArrayList<>();

    private CompatibilityComparison() {
    }

    List<ApiSection> sections() {
        return sections;
    }

    /** openprofile operations that no operation in Adobe's specs matches, as differences. */
    List<Difference> notInAdobe() {
        return notInAdobe;
    }

    /** Returns every difference by id. Two of Adobe's operations can lead to the same id, and it is kept once. */
    Map<String, Difference> differencesById() {
        Map<String, Difference> all = new TreeMap<>();
        for (ApiSection section : sections) {
            section.matches().forEach(match -> match.differences().forEach(d -> all.putIfAbsent(d.id(), d)));
            section.notImplemented().forEach(d -> all.putIfAbsent(d.id(), d));
        }
        notInAdobe.forEach(d -> all.putIfAbsent(d.id(), d));
        return all;
    }

    /** Compares openprofile's contract {@code ours} with each of {@code adobeApis}. */
    static CompatibilityComparison compare(List<OpenAPI> adobeApis, OpenAPI ours) {
        Map<String, ApiOperation> ourOperations = new LinkedHashMap<>();
        ApiOperation.listAll(ours).stream().sorted(BY_PATH_AND_METHOD)
                .forEach(op -> ourOperations.put(op.key(), op));
        Set<String> matchedKeys = new HashSet<>();

        CompatibilityComparison comparison = new CompatibilityComparison();
        List<OpenAPI> byTitle = adobeApis.stream()
                .sorted(Comparator.comparing(api -> api.getInfo().getTitle())).toList();
        for (OpenAPI api : byTitle) {
            comparison.sections.add(compareApi(api, ourOperations, matchedKeys));
        }
        ourOperations.forEach((key, op) -> {
            if (!matchedKeys.contains(key)) {
                comparison.notInAdobe.add(new Difference("not-in-adobe:" + key, key,
                        "openprofile serves `" + op.method() + " " + op.path() + "`, which Adobe's specs do not describe"));
            }
        });
        return comparison;
    }

    private static ApiSection compareApi(OpenAPI api, Map<String, ApiOperation> ourOperations, Set<String> matchedKeys) {
        List<Match> matches = new ArrayList<>();
        List<Difference> notImplemented = new ArrayList<>();
        for (ApiOperation adobe : ApiOperation.listAll(api).stream().sorted(BY_PATH_AND_METHOD).toList()) {
            List<ApiOperation> ours = new ArrayList<>();
            for (String key : candidateKeys(adobe)) {
                if (ourOperations.containsKey(key)) {
                    ours.add(ourOperations.get(key));
                    matchedKeys.add(key);
                }
            }
            if (ours.isEmpty()) {
                notImplemented.add(new Difference("not-implemented:" + adobe.key(), adobe.key(),
                        "openprofile does not serve `" + adobe.method() + " " + adobe.path() + "`"
                                + summary(adobe)));
                continue;
            }
            List<Difference> differences = new ArrayList<>(containerDifferences(adobe, ours));
            for (ApiOperation mine : ours) {
                differences.addAll(OperationComparison.compare(adobe, mine));
            }
            differences.sort(Comparator.comparing(Difference::id));
            matches.add(new Match(adobe, ours, differences));
        }
        return new ApiSection(api.getInfo().getTitle(), matches, notImplemented);
    }

    private static List<String> candidateKeys(ApiOperation adobe) {
        if (!adobe.path().contains(CONTAINER_PARAMETER)) {
            return List.of(adobe.key());
        }
        return CONTAINERS.stream()
                .map(container -> adobe.method() + " "
                        + ApiOperation.normalize(adobe.path().replace(CONTAINER_PARAMETER, container)))
                .toList();
    }

    private static List<Difference> containerDifferences(ApiOperation adobe, List<ApiOperation> ours) {
        if (!adobe.path().contains(CONTAINER_PARAMETER) || ours.size() == CONTAINERS.size()) {
            return List.of();
        }
        ApiOperation served = ours.get(0);
        String container = CONTAINERS.stream()
                .filter(word -> served.path().contains("/" + word + "/"))
                .findFirst().orElse("?");
        return List.of(new Difference("container:" + adobe.key(), adobe.key(), "Adobe's path takes the container `global`"
                + " or `tenant`, openprofile serves only `" + container + "` (`" + served.method() + " "
                + served.path() + "`)"));
    }

    private static String summary(ApiOperation op) {
        String summary = op.operation().getSummary();
        return summary == null || summary.isBlank() ? "" : " (" + summary.strip() + ")";
    }
}

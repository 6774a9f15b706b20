package io.openprofile.contract.compat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The reasons for the differences from Adobe's specs, read from a YAML map of difference id to
 * reason.
 *
 * <p>A key may contain {@code *}, which matches any run of characters, so one reason can cover
 * the same difference on many operations. An exact key wins over a pattern, and among patterns
 * the first in the file wins.
 */
final class Explanations {

    private final Map<String, String> reasons;
    private final Map<String, Pattern> patterns = new LinkedHashMap<>();

    private Explanations(Map<String, String> reasons) {
        this.reasons = reasons;
        reasons.keySet().stream().filter(key -> key.contains("*"))
                .forEach(key -> patterns.put(key, toPattern(key)));
    }

    static Explanations load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Explanations(Map.of());
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            Object document = new Yaml().load(reader);
            Map<String, String> reasons = new LinkedHashMap<>();
            if (document instanceof Map<?, ?> map) {
                map.forEach((key, value) -> reasons.put(String.valueOf(key), value == null ? "" : value.toString().strip()));
            } else if (document != null) {
                throw new IllegalArgumentException(file + " must be a map of difference id to reason");
            }
            return new Explanations(reasons);
        }
    }

    /** Returns the reason for the difference {@code id}, if a key matches it and gives a non-blank reason. */
    Optional<String> reasonFor(String id) {
        String exact = reasons.get(id);
        if (exact != null) {
            return Optional.of(exact).filter(reason -> !reason.isBlank());
        }
        return patterns.entrySet().stream()
                .filter(entry -> entry.getValue().matcher(id).matches())
                .map(entry -> reasons.get(entry.getKey()))
                .filter(reason -> !reason.isBlank())
                .findFirst();
    }

    /** Returns the keys that match none of {@code ids}: reasons whose difference no longer exists. */
    List<String> staleKeys(Collection<String> ids) {
        List<String> stale = new ArrayList<>();
        for (String key : reasons.keySet()) {
            Pattern pattern = patterns.get(key);
            boolean used = pattern == null ? ids.contains(key) : ids.stream().anyMatch(id -> pattern.matcher(id).matches());
            if (!used) {
                stale.add(key);
            }
        }
        return stale;
    }

    private static Pattern toPattern(String key) {
        StringBuilder regex = new StringBuilder();
        for (String literal : key.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString());
    }
}

package io.openprofile.contract.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compares the bundled contract with Adobe's published specs, checks that every difference has
 * a reason, and checks that {@code docs/compatibility.md} is up to date.
 *
 * <p>Runs only when the system property {@code openprofile.adobe-specs-dir} names a directory
 * of Adobe's OpenAPI files ({@code *.yaml}), and is skipped otherwise. With
 * {@code openprofile.write-compatibility-report=true} it rewrites the report instead of
 * comparing it.
 */
class CompatibilityTest {

    static final String SPECS_DIR_PROPERTY = "openprofile.adobe-specs-dir";
    static final String WRITE_PROPERTY = "openprofile.write-compatibility-report";

    private static final Path REPOSITORY = Path.of(System.getProperty("openprofile.repository-dir", ".."));
    private static final Path EXPLAINED = REPOSITORY.resolve("api-spec/compatibility/explained.yaml");
    private static final Path REPORT = REPOSITORY.resolve("docs/compatibility.md");

    @Test
    void differencesFromAdobeAreExplained() throws IOException {
        String specsDir = System.getProperty(SPECS_DIR_PROPERTY, "");
        assumeTrue(!specsDir.isBlank(), "set -D" + SPECS_DIR_PROPERTY + "=<dir> to compare with Adobe's specs");
        Path bundled = Path.of(System.getProperty("openprofile.bundled-contract", "target/bundled/openapi.yaml"));
        CompatibilityComparison comparison = CompatibilityComparison.compare(
                loadAdobeSpecs(Path.of(specsDir)), ContractLoader.load(bundled));
        Explanations explanations = Explanations.load(EXPLAINED);
        String report = CompatibilityReport.render(comparison, explanations);
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.writeString(REPORT, report);
        }

        Map<String, Difference> differences = comparison.differencesById();
        List<String> unexplained = differences.keySet().stream()
                .filter(id -> explanations.reasonFor(id).isEmpty())
                .toList();
        assertTrue(unexplained.isEmpty(), unexplained.size() + " differences from Adobe's specs have no reason."
                + " Add a line '<id>': <reason> for each to " + EXPLAINED.normalize()
                + " (a * in an id matches any text), then regenerate the report with\n  "
                + CompatibilityReport.REGENERATE_COMMAND + "\n" + describe(unexplained, differences));

        List<String> stale = explanations.staleKeys(differences.keySet());
        assertTrue(stale.isEmpty(), "these reasons in " + EXPLAINED.normalize()
                + " match no current difference, so remove them:\n  " + String.join("\n  ", stale));

        String committed = Files.exists(REPORT) ? Files.readString(REPORT) : "";
        assertEquals(committed, report, REPORT.normalize() + " is out of date. Regenerate it with\n  "
                + CompatibilityReport.REGENERATE_COMMAND);
    }

    private static List<OpenAPI> loadAdobeSpecs(Path dir) throws IOException {
        assertTrue(Files.isDirectory(dir), SPECS_DIR_PROPERTY + " is not a directory: " + dir.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no *.yaml files in " + dir.toAbsolutePath());
        List<OpenAPI> specs = new ArrayList<>();
        for (Path file : files) {
            specs.add(ContractLoader.load(file));
        }
        return specs;
    }

    private static String describe(List<String> ids, Map<String, Difference> differences) {
        return ids.stream()
                .map(id -> "  '" + id + "': " + differences.get(id).description())
                .collect(Collectors.joining("\n"));
    }
}

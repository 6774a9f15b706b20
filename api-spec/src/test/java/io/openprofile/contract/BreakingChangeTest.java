package io.openprofile.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fails the build when the bundled contract breaks the last released one without raising the
 * major version, and tests that check on small fixture contracts.
 */
class BreakingChangeTest {

    private static final Path RELEASED_DIR = Path.of("released");

    @Test
    void bundledContractKeepsReleasedContract() throws IOException {
        Path bundled = Path.of(System.getProperty("openprofile.bundled-contract", "target/bundled/openapi.yaml"));
        Optional<Path> released = BreakingChangeCheck.latestRelease(RELEASED_DIR);
        assertTrue(released.isPresent(), "no released contract (openapi-<version>.yaml) in "
                + RELEASED_DIR.toAbsolutePath());
        assertTrue(Files.exists(bundled), "bundled contract not found at " + bundled.toAbsolutePath()
                + ": run the build from the generate-sources phase on");

        BreakingChangeCheck.Verdict verdict = BreakingChangeCheck.compare(
                Files.readString(released.get()), Files.readString(bundled));

        assertTrue(verdict.passes(), verdict.summary() + " (compared with " + released.get() + ")\n"
                + verdict.changes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"removed-operation", "removed-response-field", "new-required-parameter", "narrowed-enum"})
    void breakingChangeFails(String fixture) throws IOException {
        BreakingChangeCheck.Verdict verdict = BreakingChangeCheck.compare(fixture("released"), fixture(fixture));

        assertThat(verdict.passes()).as(verdict.changes()).isFalse();
        assertThat(verdict.summary()).contains("raise the major version");
    }

    @Test
    void addedOptionalFieldPasses() throws IOException {
        BreakingChangeCheck.Verdict verdict = BreakingChangeCheck.compare(
                fixture("released"), fixture("added-optional-field"));

        assertThat(verdict.passes()).as(verdict.summary()).isTrue();
        assertThat(verdict.changes()).contains("nextPage");
    }

    @Test
    void majorVersionBumpAllowsBreakingChange() throws IOException {
        BreakingChangeCheck.Verdict verdict = BreakingChangeCheck.compare(fixture("released"), fixture("major-bump"));

        assertThat(verdict.passes()).as(verdict.summary()).isTrue();
        assertThat(verdict.summary()).contains("raises the major version");
    }

    @Test
    void unchangedContractPasses() throws IOException {
        BreakingChangeCheck.Verdict verdict = BreakingChangeCheck.compare(fixture("released"), fixture("released"));

        assertThat(verdict.passes()).isTrue();
        assertThat(verdict.summary()).startsWith("no breaking change");
    }

    @Test
    void latestReleaseComparesVersionsNumerically(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("openapi-9.0.0.yaml"), "");
        Files.writeString(dir.resolve("openapi-10.0.0.yaml"), "");
        Files.writeString(dir.resolve("notes.md"), "");

        assertThat(BreakingChangeCheck.latestRelease(dir)).contains(dir.resolve("openapi-10.0.0.yaml"));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = BreakingChangeTest.class.getResourceAsStream("/breaking/" + name + ".yaml")) {
            assertThat(in).as("fixture " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

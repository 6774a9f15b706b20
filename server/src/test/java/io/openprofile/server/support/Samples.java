package io.openprofile.server.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the public sample data sets. Tests that need them run only when the system property
 * {@code openprofile.samples-dir} names an existing directory (CI sets it), and are skipped
 * otherwise.
 */
public final class Samples {

    public static final String PROPERTY = "openprofile.samples-dir";

    private Samples() {
    }

    /** Returns the file under the samples directory, skipping the test when samples are not configured. */
    public static Path file(String relative) {
        String dir = System.getProperty(PROPERTY, "");
        assumeTrue(!dir.isBlank(), "set -D" + PROPERTY + "=<dir> to run the real-data tests");
        Path path = Path.of(dir).resolve(relative);
        assumeTrue(Files.exists(path), "sample file not found: " + path.toAbsolutePath());
        return path;
    }
}

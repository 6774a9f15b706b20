package io.openprofile.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Compares a contract with the last released one and decides whether the change may ship.
 *
 * <p>openapi-diff classifies each change. A change it marks incompatible (a removed operation
 * or response field, a new required parameter or request property, a narrowed type or enum, a
 * changed path) is allowed only when the major version in {@code info.version} is higher than
 * the released contract's.
 */
final class BreakingChangeCheck {

    private static final Pattern RELEASED_FILE = Pattern.compile("openapi-(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");
    private static final Pattern MAJOR_VERSION = Pattern.compile("^(\\d+)\\.");

    /** The outcome of one comparison: whether it passes and a Markdown account of the changes. */
    record Verdict(boolean passes, String summary, String changes) {
    }

    private BreakingChangeCheck() {
    }

    /** Finds the released contract with the highest version in {@code releasedDir}, if any. */
    static Optional<Path> latestRelease(Path releasedDir) throws IOException {
        try (Stream<Path> files = Files.list(releasedDir)) {
            return files.filter(file -> RELEASED_FILE.matcher(file.getFileName().toString()).matches())
                    .max(Comparator.comparing(BreakingChangeCheck::releaseVersion));
        }
    }

    /** Compares {@code current} with {@code released}, both OpenAPI documents as text. */
    static Verdict compare(String released, String current) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(released, current);
        String releasedVersion = diff.getOldSpecOpenApi().getInfo().getVersion();
        String currentVersion = diff.getNewSpecOpenApi().getInfo().getVersion();
        String changes = renderMarkdown(diff);

        if (!diff.isIncompatible()) {
            return new Verdict(true, "no breaking change since " + releasedVersion, changes);
        }
        if (majorVersion(currentVersion) > majorVersion(releasedVersion)) {
            return new Verdict(true, "breaking changes since " + releasedVersion
                    + " are allowed because info.version " + currentVersion + " raises the major version", changes);
        }
        return new Verdict(false, "breaking changes since the released contract " + releasedVersion
                + ", but info.version " + currentVersion + " keeps major version " + majorVersion(currentVersion)
                + ". Undo the change, or raise the major version of info.version in"
                + " api-spec/src/main/openapi/openapi.yaml", changes);
    }

    static int majorVersion(String version) {
        Matcher matcher = MAJOR_VERSION.matcher(version == null ? "" : version.trim());
        if (!matcher.find()) {
            throw new IllegalArgumentException("info.version must start with <major>., got " + version);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static String renderMarkdown(ChangedOpenApi diff) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String releaseVersion(Path file) {
        Matcher matcher = RELEASED_FILE.matcher(file.getFileName().toString());
        matcher.matches();
        // Zero-padded so that the string order is the numeric order.
        return String.format("%09d.%09d.%09d", Long.parseLong(matcher.group(1)),
                Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3)));
    }
}

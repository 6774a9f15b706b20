package io.openprofile.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.openprofile.contract.compat.ApiOperation;
import io.openprofile.contract.compat.ContractLoader;
import io.openprofile.contract.compat.SchemaFields;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>openapi-diff classifies each change and marks some incompatible: a removed operation (so
 * also a changed path), response or required response field, a new required parameter or
 * request property, a narrowed type or enum. It treats a removed optional response field as
 * compatible, so this check also reports every response field that the released contract has
 * and the current one lacks, down to {@link SchemaFields#MAX_DEPTH} levels. Breaking changes are
 * allowed only when the major version in {@code info.version} is higher than the released
 * contract's.
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
        List<String> removedFields = removedResponseFields(
                ContractLoader.parse(released, "the released contract"),
                ContractLoader.parse(current, "the current contract"));
        String changes = renderMarkdown(diff);
        if (!removedFields.isEmpty()) {
            changes += "\nRemoved response fields:\n\n- " + String.join("\n- ", removedFields) + "\n";
        }

        if (!diff.isIncompatible() && removedFields.isEmpty()) {
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

    /**
     * Lists the response fields of the released contract that the current one lacks, as
     * {@code <METHOD> <path> <status>: <field path>}. Removed operations and responses are left to
     * openapi-diff, which reports them.
     */
    static List<String> removedResponseFields(OpenAPI released, OpenAPI current) {
        Map<String, ApiOperation> currentOperations = new HashMap<>();
        ApiOperation.listAll(current).forEach(op -> currentOperations.put(op.key(), op));
        List<String> removed = new ArrayList<>();
        for (ApiOperation before : ApiOperation.listAll(released)) {
            ApiOperation after = currentOperations.get(before.key());
            if (after == null || before.operation().getResponses() == null) {
                continue;
            }
            before.operation().getResponses().forEach((status, response) -> {
                ApiResponse now = after.operation().getResponses() == null
                        ? null : after.operation().getResponses().get(status);
                if (now == null) {
                    return;
                }
                Map<String, String> remaining = SchemaFields.flatten(SchemaFields.bodySchema(now.getContent()));
                for (String field : SchemaFields.flatten(SchemaFields.bodySchema(response.getContent())).keySet()) {
                    if (!remaining.containsKey(field)) {
                        removed.add(before.method() + " " + before.path() + " " + status + ": " + field);
                    }
                }
            });
        }
        removed.sort(null);
        return removed;
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

package io.openprofile.contract.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatibilityReportTest {

    @Test
    void reportGroupsDifferencesByReason(@TempDir Path dir) throws IOException, URISyntaxException {
        CompatibilityComparison comparison = CompatibilityComparison.compare(
                List.of(ContractLoader.load(fixture("adobe.yaml"))), ContractLoader.load(fixture("ours.yaml")));
        Path explained = dir.resolve("explained.yaml");
        Files.writeString(explained, """
                'status-*': Status codes differ on purpose.
                'error-field-*': One error body for every API.
                """);

        String report = CompatibilityReport.render(comparison, Explanations.load(explained));

        assertThat(report).contains("## Fixture Adobe API");
        assertThat(report).contains("### `GET /data/fixture/{CONTAINER_ID}/widgets`");
        assertThat(report).contains("Served by `GET /data/fixture/global/widgets`.");
        assertThat(report).contains("| openprofile documents status 400, Adobe's spec does not<br>"
                + "Adobe documents status 429, openprofile's contract does not | Status codes differ on purpose. |");
        assertThat(report).contains("| Fixture Adobe API | 2 | 1 | 1 |");
        assertThat(report).contains("openprofile does not serve `POST /data/fixture/gadgets` (Create a gadget)");
        assertThat(report).contains("**no reason given**");
        assertThat(report).contains(CompatibilityReport.REGENERATE_COMMAND);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CompatibilityReportTest.class.getResource("/compat/" + name).toURI());
    }
}

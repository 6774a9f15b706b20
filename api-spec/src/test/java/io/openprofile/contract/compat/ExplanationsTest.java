package io.openprofile.contract.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplanationsTest {

    @Test
    void exactKeyWinsOverPattern(@TempDir Path dir) throws IOException {
        Explanations explanations = load(dir, """
                'status-missing:*:429': no rate limits
                'status-missing:GET /a:429': this one is special
                """);

        assertThat(explanations.reasonFor("status-missing:GET /a:429")).contains("this one is special");
        assertThat(explanations.reasonFor("status-missing:GET /b:429")).contains("no rate limits");
    }

    @Test
    void firstMatchingPatternWins(@TempDir Path dir) throws IOException {
        Explanations explanations = load(dir, """
                'param-missing:GET /a:*': specific
                'param-missing:*': general
                """);

        assertThat(explanations.reasonFor("param-missing:GET /a:query:x")).contains("specific");
        assertThat(explanations.reasonFor("param-missing:GET /b:query:x")).contains("general");
    }

    @Test
    void blankReasonCountsAsMissing(@TempDir Path dir) throws IOException {
        Explanations explanations = load(dir, "'status-extra:GET /a:401': ''\n");

        assertThat(explanations.reasonFor("status-extra:GET /a:401")).isEmpty();
    }

    @Test
    void keysMatchingNoDifferenceAreStale(@TempDir Path dir) throws IOException {
        Explanations explanations = load(dir, """
                'status-extra:GET /a:401': used
                'status-extra:GET /gone:401': stale exact key
                'param-missing:*': stale pattern
                """);

        assertThat(explanations.staleKeys(List.of("status-extra:GET /a:401")))
                .containsExactly("status-extra:GET /gone:401", "param-missing:*");
    }

    @Test
    void patternCharactersOtherThanStarAreLiteral(@TempDir Path dir) throws IOException {
        Explanations explanations = load(dir, "'field:GET /a/{}:x.y*': reason\n");

        assertThat(explanations.reasonFor("field:GET /a/{}:x.y.z")).isPresent();
        assertThat(explanations.reasonFor("field:GET /a/{}:xzy")).isEmpty();
    }

    private static Explanations load(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("explained.yaml");
        Files.writeString(file, yaml);
        return Explanations.load(file);
    }
}

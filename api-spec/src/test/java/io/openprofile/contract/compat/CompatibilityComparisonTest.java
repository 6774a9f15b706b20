package io.openprofile.contract.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the comparison on two small fixture contracts, so it is tested without Adobe's files. */
class CompatibilityComparisonTest {

    private static final String WIDGETS = "GET /data/fixture/global/widgets";

    private static CompatibilityComparison comparison;
    private static Map<String, Difference> differences;

    @BeforeAll
    static void compareFixtures() throws IOException, URISyntaxException {
        comparison = CompatibilityComparison.compare(
                List.of(ContractLoader.load(fixture("adobe.yaml"))), ContractLoader.load(fixture("ours.yaml")));
        differences = comparison.differencesById();
    }

    @Test
    void containerParameterMatchesLiteralSegment() {
        CompatibilityComparison.Match match = comparison.sections().get(0).matches().get(0);

        assertThat(match.adobe().path()).isEqualTo("/data/fixture/{CONTAINER_ID}/widgets");
        assertThat(match.ours()).extracting(ApiOperation::path).containsExactly("/data/fixture/global/widgets");
        assertThat(differences).containsKey("container:GET /data/fixture/{}/widgets");
    }

    @Test
    void unmatchedOperationsAreListedOnBothSides() {
        assertThat(differences).containsKey("not-implemented:POST /data/fixture/gadgets");
        assertThat(differences.get("not-implemented:POST /data/fixture/gadgets").description())
                .contains("Create a gadget");
        assertThat(differences).containsKey("not-in-adobe:GET /data/fixture/extras");
    }

    @Test
    void parametersCompareByNameTypeAndRequired() {
        assertThat(differences).containsKey("param-type:" + WIDGETS + ":query:limit");
        assertThat(differences).containsKey("param-case:" + WIDGETS + ":query:orderBy");
        assertThat(differences).containsKey("param-missing:" + WIDGETS + ":query:property");
        assertThat(differences).containsKey("param-extra:" + WIDGETS + ":query:start");
    }

    @Test
    void securitySchemeHeaderCountsAsParameter() {
        assertThat(differences).doesNotContainKey("param-missing:" + WIDGETS + ":header:x-sandbox-name");
        assertThat(differences).doesNotContainKey("param-extra:" + WIDGETS + ":header:x-sandbox-name");
        assertThat(differences.keySet()).noneMatch(id -> id.contains("Accept"));
    }

    @Test
    void statusCodesAndBodyFieldsAreCompared() {
        assertThat(differences).containsKey("status-missing:" + WIDGETS + ":429");
        assertThat(differences).containsKey("status-extra:" + WIDGETS + ":400");
        assertThat(differences).containsKey("success-field-type:" + WIDGETS + ":results[].size");
        assertThat(differences).doesNotContainKey("success-field-type:" + WIDGETS + ":results[].id");
        assertThat(differences).containsKey("error-field-missing:" + WIDGETS + ":retryAfterMs");
        assertThat(differences).containsKey("error-field-extra:" + WIDGETS + ":detail");
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CompatibilityComparisonTest.class.getResource("/compat/" + name).toURI());
    }
}

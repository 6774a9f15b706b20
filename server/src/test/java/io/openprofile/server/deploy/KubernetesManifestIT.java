package io.openprofile.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kubernetes manifests that packaging writes to target/kubernetes. */
class KubernetesManifestIT {

    private static final Path MANIFEST = Path.of("target/kubernetes/kubernetes.yml");
    private static final String SECRET = "openprofile";

    private static List<JsonNode> resources;
    private static JsonNode container;
    private static JsonNode podSpec;

    @BeforeAll
    static void readManifest() throws IOException {
        assertThat(MANIFEST).as("manifest written by the package phase").exists();
        resources = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(MANIFEST.toFile())) {
            while (documents.hasNext()) {
                resources.add(documents.next());
            }
        }
        JsonNode deployment = resource("Deployment").orElseThrow(() -> new AssertionError(
                "no Deployment in " + MANIFEST.toAbsolutePath()));
        podSpec = deployment.path("spec").path("template").path("spec");
        container = podSpec.path("containers").path(0);
    }

    @Test
    void readinessProbeCallsReadyEndpoint() {
        JsonNode probe = container.path("readinessProbe").path("httpGet");

        assertThat(probe.path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(probe.path("port").asInt()).isEqualTo(8080);
    }

    @Test
    void livenessProbeCallsLiveEndpoint() {
        JsonNode probe = container.path("livenessProbe").path("httpGet");

        assertThat(probe.path("path").asText()).isEqualTo("/q/health/live");
        assertThat(probe.path("port").asInt()).isEqualTo(8080);
    }

    @Test
    void startupProbeAllowsLongMigrations() {
        JsonNode probe = container.path("startupProbe");

        assertThat(probe.path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
        assertThat(probe.path("failureThreshold").asInt()).isEqualTo(30);
    }

    @Test
    void containerServesHttpOnAllInterfaces() {
        assertThat(container.path("ports").path(0).path("containerPort").asInt()).isEqualTo(8080);
        assertThat(env("QUARKUS_HTTP_HOST").path("value").asText()).isEqualTo("0.0.0.0");
    }

    @Test
    void postgresqlSettingsComeFromSecret() {
        assertThat(env("QUARKUS_DATASOURCE_POSTGRESQL_ACTIVE").path("value").asText()).isEqualTo("true");
        assertThat(env("QUARKUS_DATASOURCE_EMBEDDED_ACTIVE").path("value").asText()).isEqualTo("false");
        assertSecretKey("QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL", "jdbc-url");
        assertSecretKey("QUARKUS_DATASOURCE_POSTGRESQL_USERNAME", "username");
        assertSecretKey("QUARKUS_DATASOURCE_POSTGRESQL_PASSWORD", "password");
    }

    @Test
    void credentialsComeFromSecret() {
        assertSecretKey("OPENPROFILE_AUTH_TOKENS", "auth-tokens");
        assertSecretKey("OPENPROFILE_AUTH_API_KEYS", "auth-api-keys");
    }

    @Test
    void dataDirIsOnPersistentVolume() {
        String dataDir = env("OPENPROFILE_DATA_DIR").path("value").asText();
        JsonNode mount = container.path("volumeMounts").path(0);
        JsonNode volume = podSpec.path("volumes").path(0);

        assertThat(dataDir).isEqualTo("/var/lib/openprofile");
        assertThat(mount.path("mountPath").asText()).isEqualTo(dataDir);
        assertThat(volume.path("name").asText()).isEqualTo(mount.path("name").asText());
        assertThat(volume.path("persistentVolumeClaim").path("claimName").asText()).isEqualTo("openprofile-data");
    }

    @Test
    void podsMigrateAtStartWithoutInitJob() {
        assertThat(resource("Job")).as("separate migration Job").isEmpty();
        assertThat(podSpec.path("initContainers").isMissingNode()).as("init containers").isTrue();
        assertThat(env("QUARKUS_FLYWAY_ACTIVE").isMissingNode()).as("QUARKUS_FLYWAY_ACTIVE override").isTrue();
    }

    @Test
    void resourcesAreLimited() {
        JsonNode limits = container.path("resources");

        assertThat(limits.path("requests").path("memory").asText()).isEqualTo("512Mi");
        assertThat(limits.path("limits").path("memory").asText()).isEqualTo("1Gi");
    }

    private static void assertSecretKey(String variable, String key) {
        JsonNode reference = env(variable).path("valueFrom").path("secretKeyRef");

        assertThat(reference.path("name").asText()).as("Secret of %s", variable).isEqualTo(SECRET);
        assertThat(reference.path("key").asText()).as("Secret key of %s", variable).isEqualTo(key);
    }

    private static JsonNode env(String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static Optional<JsonNode> resource(String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).findFirst();
    }
}

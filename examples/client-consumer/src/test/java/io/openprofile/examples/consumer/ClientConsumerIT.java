package io.openprofile.examples.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.client.model.DatasetCreate;
import io.openprofile.client.model.SchemaRef;
import io.openprofile.client.model.StreamingConnection;
import io.openprofile.client.model.StreamingConnectionCreate;
import io.openprofile.client.model.StreamingMessage;
import io.openprofile.client.model.StreamingMessageBody;
import io.openprofile.client.model.StreamingMessageHeader;
import io.openprofile.client.sdk.OpenProfileClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged server on a free loopback port with an embedded store in a temporary
 * directory, streams one profile record through the client and looks the profile up.
 */
class ClientConsumerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_SERVER_JAR = "../../server/target/quarkus-app/quarkus-run.jar";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private static Process server;
    private static Path dataDir;
    private static Path log;
    private static String baseUrl;

    @BeforeAll
    static void startServer() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("openprofile.server-jar", DEFAULT_SERVER_JAR));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("packaged server not found at " + jar.toAbsolutePath()
                    + "; build it first with ./mvnw -pl server -am package -DskipTests");
        }
        int port = freePort();
        dataDir = Files.createTempDirectory("openprofile-consumer-data");
        log = Files.createTempFile("openprofile-consumer-server", ".log");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dopenprofile.data-dir=" + dataDir.toAbsolutePath(),
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The server reads Quarkus and openprofile settings from the environment, and CI sets some of
        // them to point tests at PostgreSQL. This test always uses the embedded store.
        command.environment().keySet()
                .removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("OPENPROFILE_"));
        server = command.start();
        baseUrl = "http://127.0.0.1:" + port;
        awaitReady();
    }

    @AfterAll
    static void stopServer() throws IOException, InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void streamedProfileIsFoundThroughBuilder() throws Exception {
        try (OpenProfileClient client = ProfileLookup.connect(baseUrl)) {
            String datasetId = createProfileDataset(client);
            StreamingConnection inlet = client.streamingIngestion().createStreamingConnection(
                    new StreamingConnectionCreate().name("consumer example").dataSetId(datasetId));
            client.streamingIngestion().streamRecord(inlet.getId(), profileRecord(datasetId), true);

            Optional<JsonNode> found = ProfileLookup.findProfile(client, "jane@example.com", "Email");
            Optional<JsonNode> missing = ProfileLookup.findProfile(client, "nobody@example.com", "Email");

            assertTrue(found.isPresent(), "the streamed profile must be found");
            assertEquals("Jane", found.get().path("entity").path("person").path("name").path("firstName").asText());
            assertFalse(missing.isPresent(), "an unknown identity must give no profile");
        }
    }

    private static String createProfileDataset(OpenProfileClient client) throws Exception {
        ObjectNode schema = JSON.createObjectNode().put("title", "Consumer profiles").put("type", "object");
        schema.putArray("meta:immutableTags").add("union");
        schema.putArray("allOf").addObject().put("$ref", "https://ns.adobe.com/xdm/context/profile");
        String schemaId = client.schemaRegistry().createSchema(schema).get("$id").asText();

        List<String> paths = client.catalog().createDataset(new DatasetCreate()
                .name("Consumer profiles")
                .schemaRef(new SchemaRef().id(schemaId))
                .tags(Map.of("unifiedProfile", List.of("enabled:true"))));
        // Catalog returns "@/dataSets/<id>".
        return paths.get(0).substring(paths.get(0).lastIndexOf('/') + 1);
    }

    private static StreamingMessage profileRecord(String datasetId) throws IOException {
        ObjectNode entity = (ObjectNode) JSON.readTree("{\"identityMap\": {\"Email\": [{\"id\": \"jane@example.com\", "
                + "\"primary\": true}]}, \"person\": {\"name\": {\"firstName\": \"Jane\", \"lastName\": \"Doe\"}}}");
        return new StreamingMessage()
                .header(new StreamingMessageHeader().datasetId(datasetId))
                .body(new StreamingMessageBody().xdmEntity(entity));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("server exited with status " + server.exitValue() + "; log:\n"
                        + Files.readString(log));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notListeningYet) {
                // The server opens its port only once it has started.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server at " + baseUrl + " not ready after " + STARTUP_TIMEOUT.toSeconds()
                + " s; log:\n" + Files.readString(log));
    }
}

package io.openprofile.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts packaged servers ({@code target/quarkus-app/quarkus-run.jar}) as separate processes on
 * free loopback ports, for tests that kill a server or run several on one database. Each server
 * writes its output to its own log file. {@link #close} kills every server still running.
 *
 * <p>On PostgreSQL the servers of one instance can get a schema of their own
 * ({@link #useOwnPostgresqlSchema}). Without it they share the database with the application that
 * {@code @QuarkusIntegrationTest} keeps running, whose job runner may claim their jobs.
 */
public final class PackagedServers implements AutoCloseable {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Path logDirectory;
    private final List<Server> servers = new ArrayList<>();
    /** PostgreSQL schema of this instance's servers, or null for the environment's default schema. */
    private String schema;

    /** One started server process: its HTTP port, its log file and the process itself. */
    public record Server(int port, Path log, Process process) {

        /** Kills the process at once, as a crash would, and waits until it is gone. */
        public void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        /** Reads the server's output so far. */
        public String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                throw new UncheckedIOException("failed to read the log " + log + " of the server on port " + port, e);
            }
        }
    }

    /** Writes the logs of started servers to {@code logDirectory}, or to temporary files when it is null. */
    public PackagedServers(Path logDirectory) {
        this.logDirectory = logDirectory;
    }

    /** Returns whether the packaged server exists, so a test can skip when it was not built. */
    public static boolean packaged() {
        return Files.exists(JAR);
    }

    /** Returns whether the environment points the tests at PostgreSQL, the only store two processes can share. */
    public static boolean onPostgresql() {
        return "true".equals(System.getenv("QUARKUS_DATASOURCE_POSTGRESQL_ACTIVE"));
    }

    /**
     * Skips the calling test unless the tests run on PostgreSQL and the jar is built, then gives
     * this instance's servers a schema of their own. Used by tests that run several servers on one
     * database.
     */
    public void requireSharedPostgresql() throws SQLException {
        Assumptions.assumeTrue(onPostgresql(),
                "runs only when QUARKUS_DATASOURCE_POSTGRESQL_ACTIVE=true points the tests at PostgreSQL");
        Assumptions.assumeTrue(packaged(), "packaged server not found at " + JAR.toAbsolutePath());
        useOwnPostgresqlSchema();
    }

    /**
     * Creates an empty PostgreSQL schema for the servers this instance starts from now on, which
     * migrate it at start-up. {@link #close} drops it again.
     */
    public void useOwnPostgresqlSchema() throws SQLException {
        String created = "servers_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(environmentUrl(), username(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + created);
        }
        schema = created;
    }

    /** Opens a connection to the PostgreSQL database, in the schema of this instance's servers. */
    public Connection connectToPostgresql() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username(), password());
    }

    private String jdbcUrl() {
        String url = environmentUrl();
        if (schema == null) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String environmentUrl() {
        return System.getenv("QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL");
    }

    private static String username() {
        return System.getenv("QUARKUS_DATASOURCE_POSTGRESQL_USERNAME");
    }

    private static String password() {
        return System.getenv("QUARKUS_DATASOURCE_POSTGRESQL_PASSWORD");
    }

    /**
     * Starts a server on a free port and waits until its readiness check passes. Each entry of
     * {@code properties} is a {@code name=value} system property, such as
     * {@code openprofile.jobs.lease-duration=3s}.
     */
    public Server start(String... properties) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = logDirectory == null ? Files.createTempFile("openprofile-server-" + port, ".log")
                : Files.createTempFile(logDirectory, "server-" + port, ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        if (schema != null) {
            command.add("-Dquarkus.datasource.postgresql.jdbc.url=" + jdbcUrl());
        }
        for (String property : properties) {
            command.add("-D" + property);
        }
        command.addAll(List.of("-jar", JAR.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Server server = new Server(port, log, process);
        servers.add(server);
        awaitReady(server);
        return server;
    }

    /** Kills every server this instance started and drops its PostgreSQL schema, if it has one. */
    @Override
    public void close() {
        for (Server server : servers) {
            try {
                server.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (schema != null) {
            try (Connection connection = DriverManager.getConnection(environmentUrl(), username(), password());
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("failed to drop the test schema " + schema, e);
            }
            schema = null;
        }
    }

    private static void awaitReady(Server server) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        HttpRequest ready = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/q/health/ready")).build();
        while (Instant.now().isBefore(deadline)) {
            if (!server.process().isAlive()) {
                throw new AssertionError("server on port " + server.port() + " exited with status "
                        + server.process().exitValue() + "; log: " + server.output());
            }
            try {
                HttpResponse<String> response = client.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // The server is not listening yet.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server on port " + server.port() + " not ready after "
                + STARTUP_TIMEOUT.toSeconds() + " s; log: " + server.output());
    }
}

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts packaged servers ({@code target/quarkus-app/quarkus-run.jar}) as separate processes on
 * free loopback ports, for tests that kill a server or run several on one database. Each server
 * writes its output to its own log file. {@link #close} kills every server still running.
 */
public final class PackagedServers implements AutoCloseable {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Path logDirectory;
    private final List<Server> servers = new ArrayList<>();

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

    /** Opens a connection to the PostgreSQL database that the environment points the servers at. */
    public static Connection connectToPostgresql() throws SQLException {
        return DriverManager.getConnection(System.getenv("QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL"),
                System.getenv("QUARKUS_DATASOURCE_POSTGRESQL_USERNAME"),
                System.getenv("QUARKUS_DATASOURCE_POSTGRESQL_PASSWORD"));
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

    /** Kills every server this instance started. */
    @Override
    public void close() {
        servers.forEach(server -> server.process().destroyForcibly());
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

package io.openprofile.client.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP server on a free loopback port that replies to each {@code METHOD path} with the
 * responses queued for it, in order, and records every request. The last queued response of a
 * route repeats once the others are used up.
 */
final class StubServer implements AutoCloseable {

    /** A canned response. */
    record Reply(int status, Map<String, String> headers, String body) {
    }

    /** A received request. */
    record Received(String method, String path, String query, Map<String, List<String>> headers) {

        String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> replies = new HashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues a JSON response for {@code method} and {@code path}. */
    StubServer reply(String method, String path, int status, String json) {
        return reply(method, path, status, Map.of(), json);
    }

    /** Queues a JSON response with extra headers for {@code method} and {@code path}. */
    synchronized StubServer reply(String method, String path, int status, Map<String, String> headers,
            String json) {
        replies.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>()).add(new Reply(status, headers, json));
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders())));
        Reply reply = next(exchange.getRequestMethod() + " " + path);
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private synchronized Reply next(String route) {
        Deque<Reply> queue = replies.get(route);
        if (queue == null || queue.isEmpty()) {
            return new Reply(599, Map.of(), "{\"detail\": \"no reply queued for " + route + "\"}");
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

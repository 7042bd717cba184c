package dev.cogform.core.live.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A tiny HTTP server that answers Cognito's JSON protocol from a script, for testing the adapter's
 * error mapping and retries over real HTTP. It records every request it gets.
 */
final class CannedCognito implements AutoCloseable {

    /** One request: the operation (X-Amz-Target without the service prefix), its JSON body and Authorization header. */
    record Request(String operation, JsonNode body, String authorization) {
    }

    /** One answer: an HTTP status and a JSON body. */
    record Answer(int status, String json) {
        static Answer ok(String json) {
            return new Answer(200, json);
        }

        static Answer error(String type, String message) {
            return new Answer(400, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();

    CannedCognito(Function<Request, Answer> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
                byte[] in = exchange.getRequestBody().readAllBytes();
                Request request = new Request(operation, JSON.readTree(in.length == 0 ? "{}".getBytes() : in),
                        exchange.getRequestHeaders().getFirst("Authorization"));
                requests.add(request);
                Answer answer = script.apply(request);
                byte[] out = answer.json().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(answer.status(), out.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    long count(String operation) {
        return requests.stream().filter(r -> r.operation().equals(operation)).count();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

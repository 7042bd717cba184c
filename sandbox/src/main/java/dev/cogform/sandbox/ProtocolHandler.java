package dev.cogform.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/**
 * Cognito's JSON 1.1 wire protocol: {@code POST /} with {@code X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Operation>} and a JSON body. Answers carry
 * {@code x-amzn-RequestId}; errors are HTTP 400 (500 for internal errors) with
 * {@code {"__type", "message"}} and {@code x-amzn-ErrorType}, which is how the AWS SDKs and CLI
 * recognise the typed exception. Signatures are not checked: any credentials are accepted.
 *
 * <p>Per request, in order: injected faults, quotas, then the operation, inside the pool's write
 * section for client writes (injected latency included, so overlapping writes collide as in Cognito).
 */
final class ProtocolHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final Dispatcher dispatcher;
    private final Quotas quotas;
    private final FaultPlan faults;
    private final PoolWriteGuard guard;

    ProtocolHandler(Dispatcher dispatcher, Quotas quotas, FaultPlan faults, PoolWriteGuard guard) {
        this.dispatcher = dispatcher;
        this.quotas = quotas;
        this.faults = faults;
        this.guard = guard;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            if ("GET".equals(exchange.getRequestMethod())) {
                send(exchange, 200, requestId, null,
                        JsonNodeFactory.instance.objectNode().put("service", "cogform sandbox (not AWS)"));
                return;
            }
            try {
                Operation operation = operation(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
                ObjectNode body = body(request);
                FaultPlan.Decision fault = faults.decide(operation.wireName());
                if (fault.outcome() == FaultPlan.Kind.DROP) {
                    return; // closing the exchange before any answer drops the connection
                }
                if (fault.outcome() == FaultPlan.Kind.ERROR) {
                    throw CognitoError.internal("Internal error (injected by the sandbox's fault plan).");
                }
                if (fault.outcome() == FaultPlan.Kind.THROTTLE) {
                    throw CognitoError.tooManyRequests();
                }
                String poolId = body.path("UserPoolId").isTextual() ? body.get("UserPoolId").asText() : null;
                if (!quotas.tryAcquire(operation, poolId)) {
                    throw CognitoError.tooManyRequests();
                }
                JsonNode result = guard.run(operation, poolId, () -> {
                    pause(fault.latencyMillis());
                    return dispatcher.handle(operation, body);
                });
                if (fault.outcome() == FaultPlan.Kind.DROP_AFTER) {
                    return;
                }
                send(exchange, 200, requestId, null, result);
            } catch (CognitoError e) {
                send(exchange, e.status(), requestId, e.type(), error(e.type(), e.getMessage()));
            } catch (RuntimeException e) {
                send(exchange, 500, requestId, "InternalErrorException",
                        error("InternalErrorException", "The sandbox failed: " + e));
            }
        }
    }

    private static Operation operation(String target) {
        if (target == null || !target.startsWith(Operation.TARGET_PREFIX)) {
            throw new CognitoError("UnknownOperationException", "Expected an X-Amz-Target header of the form "
                    + Operation.TARGET_PREFIX + "<Operation>, got " + (target == null ? "none" : "'" + target + "'"), 400);
        }
        String name = target.substring(Operation.TARGET_PREFIX.length());
        return Operation.byWireName(name).orElseThrow(() -> new CognitoError("UnknownOperationException",
                "The cogform sandbox does not implement the operation " + name + ".", 400));
    }

    private static ObjectNode body(byte[] request) {
        if (request.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(request);
            if (node == null || node.isMissingNode()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw CognitoError.serialization("The request body must be a JSON object.");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw CognitoError.serialization("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw CognitoError.serialization("The request body could not be read: " + e.getMessage());
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ObjectNode error(String type, String message) {
        return JsonNodeFactory.instance.objectNode().put("__type", type).put("message", message);
    }

    private static void send(HttpExchange exchange, int status, String requestId, String errorType, JsonNode body)
            throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

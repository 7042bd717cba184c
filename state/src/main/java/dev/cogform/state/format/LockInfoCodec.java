package dev.cogform.state.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.state.LockInfo;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The lock-info document kept beside a state while it is locked, readable by humans:
 * {@code {"id", "operation", "who", "pid", "created", "tool_version", "expires"}} ({@code expires} only
 * for leases).
 */
public final class LockInfoCodec {

    private LockInfoCodec() {
    }

    public static byte[] encode(LockInfo info) {
        ObjectNode n = JsonForms.READER.createObjectNode();
        n.put("id", info.id());
        n.put("operation", info.operation());
        n.put("who", info.who());
        n.put("pid", info.pid());
        n.put("created", info.created() == null ? null : info.created().toString());
        n.put("tool_version", info.toolVersion());
        if (info.expires() != null) {
            n.put("expires", info.expires().toString());
        }
        return JsonForms.pretty(n);
    }

    /** The lock info in {@code bytes}, or empty when they are not a lock-info document (e.g. half written). */
    public static Optional<LockInfo> decode(byte[] bytes) {
        try {
            JsonNode n = JsonForms.TREE.readValue(bytes);
            if (n == null || !n.isObject() || !n.path("id").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new LockInfo(n.get("id").asText(), textOrNull(n, "operation"), textOrNull(n, "who"),
                    n.path("pid").asLong(0), instant(n, "created"), textOrNull(n, "tool_version"),
                    instant(n, "expires")));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode n, String field) {
        String text = textOrNull(n, field);
        return text == null ? null : Instant.parse(text);
    }
}

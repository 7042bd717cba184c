package dev.cogform.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the members of a request body with the model's constraints, the way Cognito's front end
 * does: a member of the wrong JSON type fails at once with {@code SerializationException}; constraint
 * violations (null, length, range, pattern, enum) are collected and reported together by
 * {@link #done()} as {@code InvalidParameterException: n validation errors detected: …}.
 * Patterns must match the whole value (the model's intent; its patterns are unanchored).
 */
final class RequestCheck {

    private final ObjectNode body;
    private final String prefix;
    private final List<String> violations;

    RequestCheck(ObjectNode body) {
        this(body, "", new ArrayList<>());
    }

    private RequestCheck(ObjectNode body, String prefix, List<String> violations) {
        this.body = body;
        this.prefix = prefix;
        this.violations = violations;
    }

    boolean has(String member) {
        JsonNode n = body.get(member);
        return n != null && !n.isNull();
    }

    /** A nested structure, reported with a dotted path; null when absent. */
    RequestCheck structure(String member) {
        JsonNode n = node(member);
        if (n == null) {
            return null;
        }
        if (!n.isObject()) {
            throw wrongType(member, "a structure");
        }
        return new RequestCheck((ObjectNode) n, path(member) + ".", violations);
    }

    String string(String member, boolean required, int min, int max, Pattern pattern) {
        JsonNode n = node(member);
        if (n == null) {
            if (required) {
                violations.add("Value null at '" + path(member) + "' failed to satisfy constraint: Member must not be null");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw wrongType(member, "a string");
        }
        checkString(path(member), n.asText(), min, max, pattern);
        return n.asText();
    }

    String enumValue(String member, boolean required, Collection<String> allowed) {
        String value = string(member, required, 0, Integer.MAX_VALUE, null);
        if (value != null && !allowed.contains(value)) {
            violations.add(violation(path(member), value, enumMessage(allowed)));
        }
        return value;
    }

    Integer integer(String member, long min, long max) {
        return integer(member, false, min, max);
    }

    Integer integer(String member, boolean required, long min, long max) {
        JsonNode n = node(member);
        if (n == null) {
            if (required) {
                violations.add("Value null at '" + path(member) + "' failed to satisfy constraint: Member must not be null");
            }
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw wrongType(member, "an integer");
        }
        int value = n.intValue();
        if (value < min) {
            violations.add(violation(path(member), value, "Member must have value greater than or equal to " + min));
        } else if (value > max) {
            violations.add(violation(path(member), value, "Member must have value less than or equal to " + max));
        }
        return value;
    }

    Boolean bool(String member) {
        JsonNode n = node(member);
        if (n == null) {
            return null;
        }
        if (!n.isBoolean()) {
            throw wrongType(member, "a boolean");
        }
        return n.booleanValue();
    }

    /** A list of strings, each checked like {@link #string}; null when absent. */
    List<String> strings(String member, int maxSize, int min, int max, Pattern pattern) {
        List<String> values = rawStrings(member);
        if (values == null) {
            return null;
        }
        checkSize(member, values, maxSize);
        for (String v : values) {
            if (!fits(v, min, max, pattern)) {
                violations.add(violation(path(member), values, "Member must satisfy constraint: ["
                        + stringConstraint(v, min, max, pattern) + "]"));
                break;
            }
        }
        return values;
    }

    /** A list of enum values; null when absent. */
    List<String> enums(String member, int maxSize, Collection<String> allowed) {
        List<String> values = rawStrings(member);
        if (values == null) {
            return null;
        }
        checkSize(member, values, maxSize);
        if (!allowed.containsAll(values)) {
            violations.add(violation(path(member), values,
                    "Member must satisfy constraint: [" + enumMessage(allowed) + "]"));
        }
        return values;
    }

    /** A list of structures; null when absent. */
    List<RequestCheck> structures(String member, int maxSize) {
        JsonNode n = node(member);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            throw wrongType(member, "a list");
        }
        List<RequestCheck> items = new ArrayList<>();
        int i = 1;
        for (JsonNode item : n) {
            if (!item.isObject()) {
                throw wrongType(member, "a list of structures");
            }
            items.add(new RequestCheck((ObjectNode) item, path(member) + "." + i++ + ".member.", violations));
        }
        if (items.size() > maxSize) {
            violations.add(violation(path(member), "[...]", "Member must have length less than or equal to " + maxSize));
        }
        return items;
    }

    /** A map of string to string, returned as given; null when absent. */
    ObjectNode stringMap(String member, boolean required) {
        JsonNode n = node(member);
        if (n == null) {
            if (required) {
                violations.add("Value null at '" + path(member) + "' failed to satisfy constraint: Member must not be null");
            }
            return null;
        }
        if (!n.isObject()) {
            throw wrongType(member, "a map");
        }
        n.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw wrongType(member + "." + e.getKey(), "a string");
            }
        });
        return (ObjectNode) n;
    }

    /** Fails with every violation found so far. */
    void done() {
        if (violations.isEmpty()) {
            return;
        }
        int n = violations.size();
        throw CognitoError.invalidParameter(n + " validation error" + (n == 1 ? "" : "s") + " detected: "
                + String.join("; ", violations));
    }

    private List<String> rawStrings(String member) {
        JsonNode n = node(member);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            throw wrongType(member, "a list");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isTextual()) {
                throw wrongType(member, "a list of strings");
            }
            values.add(item.asText());
        }
        return values;
    }

    private void checkSize(String member, List<String> values, int maxSize) {
        if (values.size() > maxSize) {
            violations.add(violation(path(member), values, "Member must have length less than or equal to " + maxSize));
        }
    }

    private void checkString(String path, String value, int min, int max, Pattern pattern) {
        if (!fits(value, min, max, pattern)) {
            violations.add(violation(path, value, stringConstraint(value, min, max, pattern)));
        }
    }

    private static boolean fits(String value, int min, int max, Pattern pattern) {
        int length = value.codePointCount(0, value.length());
        return length >= min && length <= max && (pattern == null || pattern.matcher(value).matches());
    }

    private static String stringConstraint(String value, int min, int max, Pattern pattern) {
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            return "Member must have length greater than or equal to " + min;
        }
        if (length > max) {
            return "Member must have length less than or equal to " + max;
        }
        return "Member must satisfy regular expression pattern: " + pattern.pattern();
    }

    private static String enumMessage(Collection<String> allowed) {
        return "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]";
    }

    private static String violation(String path, Object value, String constraint) {
        return "Value '" + value + "' at '" + path + "' failed to satisfy constraint: " + constraint;
    }

    private JsonNode node(String member) {
        JsonNode n = body.get(member);
        return n == null || n.isNull() ? null : n;
    }

    private String path(String member) {
        return prefix + Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    private CognitoError wrongType(String member, String expected) {
        return CognitoError.serialization("Value at '" + path(member) + "' is not " + expected);
    }
}

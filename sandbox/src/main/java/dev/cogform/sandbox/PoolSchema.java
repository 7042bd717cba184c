package dev.cogform.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A pool's attribute schema as DescribeUserPool returns it ({@code SchemaAttributes}): every standard
 * attribute, with {@code sub} required, then the custom attributes under their {@code custom:} name.
 * CreateUserPool's {@code Schema} overrides a standard attribute of the same name or adds a custom
 * one; custom attributes cannot be required.
 */
final class PoolSchema {

    static final String REQUIRED_CUSTOM = "Required custom attributes are not supported currently.";
    static final String SUB = "sub";
    /** The standard attributes and at most 50 custom ones. */
    static final int MAX_ATTRIBUTES = 70;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The standard attributes in Cognito's order, with their data types. */
    private static final Map<String, String> STANDARD = standard();
    private static final List<String> DATA_TYPES = List.of("String", "Number", "DateTime", "Boolean");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

    private PoolSchema() {
    }

    /** The full schema of a new pool from CreateUserPool's {@code Schema} (null when absent). */
    static ArrayNode fromRequest(List<RequestCheck> requested) {
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        STANDARD.forEach((name, type) -> byName.put(name, attribute(name, type, !name.equals(SUB), name.equals(SUB))));
        if (requested != null) {
            for (RequestCheck in : requested) {
                String name = in.string("Name", false, 1, 20, NAME);
                String type = in.enumValue("AttributeDataType", false, DATA_TYPES);
                Boolean mutable = in.bool("Mutable");
                Boolean required = in.bool("Required");
                if (name == null) {
                    continue;
                }
                boolean standard = STANDARD.containsKey(name);
                if (!standard && Boolean.TRUE.equals(required)) {
                    throw CognitoError.invalidParameter(REQUIRED_CUSTOM);
                }
                String key = standard ? name : "custom:" + name;
                ObjectNode a = standard ? byName.get(name)
                        : attribute(key, type == null ? "String" : type, true, false);
                if (mutable != null) {
                    a.put("Mutable", mutable);
                }
                if (standard && required != null) {
                    a.put("Required", required);
                }
                byName.put(key, a);
            }
        }
        ArrayNode out = JSON.arrayNode();
        byName.values().forEach(out::add);
        return out;
    }

    /** The pool's schema; a pool stored before schemas were kept has the standard one. */
    static ArrayNode of(PoolEntry pool) {
        JsonNode stored = pool.attributes().get("SchemaAttributes");
        return stored instanceof ArrayNode a ? a : fromRequest(null);
    }

    /** Adds the custom attributes {@code names} (without {@code custom:}) the pool lacks, as String and mutable. */
    static void addCustom(PoolEntry pool, Collection<String> names) {
        ArrayNode schema = of(pool);
        Set<String> present = new TreeSet<>();
        schema.forEach(a -> present.add(a.path("Name").asText()));
        for (String name : names) {
            if (present.add("custom:" + name) && schema.size() < MAX_ATTRIBUTES) {
                schema.add(attribute("custom:" + name, "String", true, false));
            }
        }
        pool.attributes().set("SchemaAttributes", schema);
    }

    /** Whether the pool has an attribute of this client-permission name ({@code email}, {@code custom:tenant}). */
    static boolean has(PoolEntry pool, String name) {
        for (JsonNode a : of(pool)) {
            if (a.path("Name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The required attributes a client may be allowed to write: all but {@code sub}, sorted. */
    static Set<String> requiredWritable(PoolEntry pool) {
        Set<String> out = new TreeSet<>();
        for (JsonNode a : of(pool)) {
            if (a.path("Required").asBoolean() && !a.path("Name").asText().equals(SUB)) {
                out.add(a.path("Name").asText());
            }
        }
        return out;
    }

    private static ObjectNode attribute(String name, String type, boolean mutable, boolean required) {
        return JSON.objectNode().put("Name", name).put("AttributeDataType", type)
                .put("DeveloperOnlyAttribute", false).put("Mutable", mutable).put("Required", required);
    }

    private static Map<String, String> standard() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : List.of(SUB, "name", "given_name", "family_name", "middle_name", "nickname",
                "preferred_username", "profile", "picture", "website", "email", "email_verified", "gender",
                "birthdate", "zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at")) {
            m.put(name, name.endsWith("_verified") ? "Boolean" : name.equals("updated_at") ? "Number" : "String");
        }
        return m;
    }
}

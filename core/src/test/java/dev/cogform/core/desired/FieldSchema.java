package dev.cogform.core.desired;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.spec.CognitoModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON Schema property of each client field, generated from its {@link AppClientField}
 * descriptor and the constraints of its member in the bundled Cognito model. Structures
 * ({@link AppClientField.Kind#STRUCT}) and the {@code token_validity} wrapper are written by hand in
 * the schema resource; only their leaves here are generated.
 */
final class FieldSchema {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SHAPES = model().path("shapes");

    private FieldSchema() {
    }

    /** The schema property of {@code f}; not for structures. */
    static ObjectNode property(AppClientField f) {
        ObjectNode p = JSON.createObjectNode();
        JsonNode shape = memberShape(f.sdkMember());
        switch (f.kind()) {
            case SCALAR -> {
                if (f.type() == Boolean.class) {
                    p.put("type", "boolean");
                } else {
                    string(p, shape);
                }
            }
            case DURATION -> p.put("$ref", "#/$defs/duration");
            case SET -> {
                p.put("type", "array");
                string(p.putObject("items"), SHAPES.path(shape.path("member").path("shape").asText()));
                p.put("uniqueItems", true);
                if (shape.has("max")) {
                    p.put("maxItems", shape.get("max").asLong());
                }
            }
            case STRUCT -> throw new IllegalArgumentException(f + " is a structure, described by hand");
        }
        p.put("description", description(f));
        return p;
    }

    /** "Member (default D). Doc" — the same words the configuration docs use. */
    static String description(AppClientField f) {
        return f.sdkMember() + " (default " + f.defaultText() + ")." + (f.doc().isEmpty() ? "" : " " + f.doc());
    }

    /**
     * A client's (or pool defaults') properties: one per field in descriptor order, generated, except
     * structures and the wrappers of dotted keys ({@code token_validity}), kept from {@code current}
     * with their generated leaves; then {@code lifecycle}, {@code import_id} and {@code secret_rotation}. Keys that are no longer fields go.
     */
    static ObjectNode properties(ObjectNode current) {
        ObjectNode out = JSON.createObjectNode();
        for (AppClientField f : AppClientField.values()) {
            String[] key = f.key().split("\\.", 2);
            if (f.kind() == AppClientField.Kind.STRUCT) {
                out.set(key[0], require(current, key[0]));
            } else if (key.length == 1) {
                out.set(key[0], property(f));
            } else {
                if (!out.has(key[0])) {
                    ObjectNode wrapper = require(current, key[0]).deepCopy();
                    wrapper.putObject("properties");
                    out.set(key[0], wrapper);
                }
                ((ObjectNode) out.get(key[0]).get("properties")).set(key[1], property(f));
            }
        }
        out.set("lifecycle", require(current, "lifecycle"));
        // cogform's own keys, hand-written: import_id only in a client, secret_rotation in both.
        for (String own : new String[] {"import_id", "secret_rotation"}) {
            if (current.get(own) instanceof ObjectNode node) {
                out.set(own, node);
            }
        }
        return out;
    }

    private static ObjectNode require(ObjectNode properties, String key) {
        if (!(properties.get(key) instanceof ObjectNode node)) {
            throw new IllegalStateException("the schema has no hand-written property " + key
                    + "; structures are described by hand in cogform.schema.json");
        }
        return node;
    }

    /** Pretty-printed as the resource is: two-space indent, one array element per line. */
    static String write(JsonNode schema) throws IOException {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indent);
        printer.indentArraysWith(indent);
        return JSON.writer(printer).writeValueAsString(schema) + "\n";
    }

    private static void string(ObjectNode p, JsonNode shape) {
        if (shape.has("enum")) {
            ArrayNode values = p.putArray("enum");
            shape.get("enum").forEach(values::add);
            return;
        }
        p.put("type", "string");
        if (shape.has("min")) {
            p.put("minLength", shape.get("min").asLong());
        }
        if (shape.has("max")) {
            p.put("maxLength", shape.get("max").asLong());
        }
    }

    private static JsonNode memberShape(String member) {
        JsonNode ref = SHAPES.path("CreateUserPoolClientRequest").path("members").path(member).path("shape");
        if (ref.isMissingNode()) {
            throw new IllegalArgumentException(member + " is not a member of CreateUserPoolClientRequest");
        }
        return SHAPES.path(ref.asText());
    }

    private static JsonNode model() {
        try (InputStream in = CognitoModel.class.getResourceAsStream(CognitoModel.RESOURCE)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

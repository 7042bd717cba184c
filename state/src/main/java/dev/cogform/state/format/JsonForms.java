package dev.cogform.state.format;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Jackson set-up shared by the state and lock documents: strict reading, one pretty form, one canonical form. */
final class JsonForms {

    /** Rejects duplicate keys and trailing content, so a damaged file is not half-read. */
    static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads a whole document as a tree; unlike {@code readTree}, it refuses trailing content. */
    static final ObjectReader TREE = READER.readerFor(JsonNode.class);

    /** Compact, keys sorted at every level: the form the checksum is taken over. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private static final ObjectWriter PRETTY = READER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonForms() {
    }

    /** Two-space indented, {@code "key": value}, ending with a newline. */
    static byte[] pretty(JsonNode node) {
        try {
            return (PRETTY.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams the canonical form of {@code node} (as {@link #canonical}, but without the member
     * {@code skip} of the top-level object) into {@code out}: no copy of the tree and no intermediate maps,
     * which made hashing a large state cost as much as encoding it.
     */
    static void canonical(JsonNode node, String skip, OutputStream out) {
        try (JsonGenerator g = CANONICAL.getFactory().createGenerator(out)) {
            write(node, skip, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonNode node, String skip, JsonGenerator g) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            g.writeStartObject();
            for (String name : names) {
                if (!name.equals(skip)) {
                    g.writeFieldName(name);
                    write(node.get(name), null, g);
                }
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode item : node) {
                write(item, null, g);
            }
            g.writeEndArray();
        } else {
            CANONICAL.writeTree(g, node);
        }
    }

    /** Independent of key order and whitespace, so reformatting a file does not break its checksum. */
    static byte[] canonical(JsonNode node) {
        try {
            return CANONICAL.writeValueAsBytes(CANONICAL.convertValue(node, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

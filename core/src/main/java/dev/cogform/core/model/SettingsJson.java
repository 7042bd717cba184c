package dev.cogform.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one JSON form of {@link AppClientSettings}, shared by the state file, plan files and
 * fingerprints: snake_case keys in a fixed order, durations in seconds, sets sorted.
 */
public final class SettingsJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * Reads settings requiring every field: a field left out would otherwise read as {@code false} or 0,
     * which differs from Cognito's default for some fields (a document of an older shape must be
     * upgraded, filling Cognito's defaults, before it is read here).
     */
    private static final ObjectReader STRICT = MAPPER.readerFor(AppClientSettings.class)
            .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private SettingsJson() {
    }

    /** A mapper configured like this class's, for callers that embed settings in larger documents. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static JsonNode toTree(AppClientSettings settings) {
        return MAPPER.valueToTree(settings);
    }

    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing (?:creator |required )?property '([^']+)'");

    public static AppClientSettings fromTree(JsonNode node) {
        try {
            return STRICT.readValue(MAPPER.treeAsTokens(node));
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("has a key this cogform does not know: \"" + e.getPropertyName() + "\"", e);
        } catch (JsonProcessingException e) {
            // Jackson's own words name its classes and features; say which key is missing or wrong instead.
            Matcher missing = MISSING_PROPERTY.matcher(e.getOriginalMessage());
            if (missing.find()) {
                throw new IllegalArgumentException("lacks the key \"" + missing.group(1) + "\"", e);
            }
            String key = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(m.getPath().size() - 1).getFieldName() : null;
            throw new IllegalArgumentException(key != null ? "has a value of the wrong kind at \"" + key + "\""
                    : "is not an app-client settings object", e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys of the settings object, in the order written: the shape a state format version pins. */
    public static java.util.List<String> keys() {
        java.util.List<String> keys = new java.util.ArrayList<>();
        toTree(AppClientSettings.defaults("x")).fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /**
     * One field's value back from its JSON form (as {@link #mapper()} writes {@link AppClientField#get}),
     * in the field's {@link AppClientField#type()}; sets come back sorted and unmodifiable.
     */
    public static Object fieldValue(AppClientField field, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (field.kind() == AppClientField.Kind.SET) {
            SortedSet<String> set = new TreeSet<>();
            node.forEach(e -> set.add(e.asText()));
            return Collections.unmodifiableSortedSet(set);
        }
        try {
            return MAPPER.treeToValue(node, field.type());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad value for " + field.key() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static String write(AppClientSettings settings) {
        try {
            return MAPPER.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** sha256 (hex) of the canonical JSON: equal settings give equal fingerprints. */
    public static String fingerprint(AppClientSettings settings) {
        return sha256Json(settings);
    }

    /**
     * sha256 (hex) of {@code value}'s compact JSON as {@link #mapper()} writes it: the same as
     * {@code sha256(mapper().writeValueAsString(value))}, but streamed into the digest, so a large
     * document (a plan of 10,000 clients) is never held as one string.
     */
    public static String sha256Json(Object value) {
        MessageDigest digest = sha256Digest();
        // Through a Writer, as writeValueAsString writes: Jackson's byte-stream generator escapes
        // characters outside the BMP, which would change the digest of such text.
        try (Writer out = new OutputStreamWriter(new DigestOutputStream(OutputStream.nullOutputStream(), digest),
                StandardCharsets.UTF_8)) {
            MAPPER.writeValue(out, value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String sha256(String text) {
        return HexFormat.of().formatHex(sha256Digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.cogform.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Cognito's own constraints on app-client shapes (enums, lengths, patterns), read from the botocore
 * model subset bundled as a resource, so that enum values AWS adds arrive by replacing one file.
 * The embedded sandbox may read the same data; nothing else is shared with it.
 */
public final class CognitoModel {

    /** Where the model subset lives on the class path. */
    public static final String RESOURCE = "cognito-model-subset.json";

    private static final JsonNode SHAPES = read().path("shapes");
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private CognitoModel() {
    }

    /** One shape's constraints; null members mean "no constraint". */
    public record Shape(String name, String type, Long min, Long max, String pattern, List<String> enumValues) {

        public Shape {
            enumValues = List.copyOf(enumValues);
        }

        /**
         * Whether {@code value} satisfies length and pattern. Model patterns are unanchored ("find"
         * semantics); we full-match the character class, which is clearly the intent.
         */
        public boolean accepts(String value) {
            if (min != null && value.codePointCount(0, value.length()) < min
                    || max != null && value.codePointCount(0, value.length()) > max) {
                return false;
            }
            return pattern == null || PATTERNS.computeIfAbsent(pattern, CognitoModel::anchored).matcher(value).matches();
        }
    }

    /** The shape named {@code name}, such as {@code ClientNameType}; fails for a name the model lacks. */
    public static Shape shape(String name) {
        JsonNode s = SHAPES.path(name);
        if (s.isMissingNode()) {
            throw new IllegalArgumentException("no shape " + name + " in " + RESOURCE);
        }
        List<String> values = new ArrayList<>();
        s.path("enum").forEach(v -> values.add(v.asText()));
        return new Shape(name, s.path("type").asText(), s.has("min") ? s.get("min").asLong() : null,
                s.has("max") ? s.get("max").asLong() : null, s.has("pattern") ? s.get("pattern").asText() : null,
                values);
    }

    /** The enum values of {@code shape}, in model order. */
    public static List<String> enumValues(String shape) {
        return shape(shape).enumValues();
    }

    /** The member names of a structure shape, in model order (the guard tests read them). */
    public static List<String> members(String structure) {
        List<String> names = new ArrayList<>();
        SHAPES.path(structure).path("members").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Pattern anchored(String pattern) {
        String body = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        body = body.endsWith("$") ? body.substring(0, body.length() - 1) : body;
        return Pattern.compile(body);
    }

    private static JsonNode read() {
        try (InputStream in = Objects.requireNonNull(CognitoModel.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.cogform.core.desired;

import dev.cogform.core.diag.Location;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where each field of one client was written (in the client or in its pool's {@code defaults:}), so
 * that rules checking canonical settings can point at the YAML. Field keys are relative to the client:
 * {@code callback_urls}, {@code token_validity.access}, {@code analytics.role_arn}. A field that is
 * absent was left to Cognito's default.
 */
public record FieldSources(Location client, Map<String, Location> fields, Map<String, List<Element>> elements) {

    /** One list element as written, in file order (settings hold lists as sorted sets). */
    public record Element(String value, Location location) {
    }

    public FieldSources {
        fields = Map.copyOf(fields);
        elements = Map.copyOf(elements);
    }

    /** Sources for a client built in code: every field located at the client itself. */
    public static FieldSources of(Location client) {
        return new FieldSources(client, Map.of(), Map.of());
    }

    /** Whether the YAML gave {@code field} (directly or through pool defaults) a value. */
    public boolean given(String field) {
        return fields.containsKey(field);
    }

    /**
     * Where {@code field} was written; for an absent field, its nearest written parent
     * ({@code token_validity} for {@code token_validity.access}), else the client.
     */
    public Location locate(String field) {
        for (String f = field; ; f = f.substring(0, f.lastIndexOf('.'))) {
            Location at = fields.get(f);
            if (at != null) {
                return at;
            }
            if (f.indexOf('.') < 0) {
                return new Location(client.path() + "." + field, client.at());
            }
        }
    }

    /**
     * The elements of a list field in file order; when the YAML did not give them one by one (a
     * client built in code), {@code values} located at the field.
     */
    public List<Element> elements(String field, Collection<String> values) {
        List<Element> written = elements.get(field);
        if (written != null) {
            return written;
        }
        Location at = locate(field);
        return values.stream().map(v -> new Element(v, at)).toList();
    }
}

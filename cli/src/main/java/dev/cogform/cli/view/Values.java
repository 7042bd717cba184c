package dev.cogform.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.Durations;
import dev.cogform.core.model.SettingsJson;
import java.util.Collection;
import java.util.stream.Collectors;

/** How field values read in human output: strings quoted, durations as {@code 1h}, sets as lists. */
final class Values {

    private Values() {
    }

    static String show(AppClientField field, Object value) {
        if (value == null) {
            return "(none)";
        }
        return switch (field.kind()) {
            case DURATION -> Durations.format(((Number) value).longValue());
            case SET -> ((Collection<?>) value).stream().map(e -> quote(String.valueOf(e)))
                    .collect(Collectors.joining(", ", "[", "]"));
            case STRUCT -> struct(value);
            case SCALAR -> value instanceof String s ? quote(s) : String.valueOf(value);
        };
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String struct(Object value) {
        try {
            return SettingsJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}

package dev.cogform.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.Durations;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.model.StructMember;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
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

    /** A struct member that differs, for people: its path ({@code analytics.role_arn}) and both values. */
    record MemberChange(String path, String before, String after) {
    }

    /**
     * The members of struct field {@code field} whose values differ between {@code before} and
     * {@code after} (either may be null: a struct added or removed), so that plans, diffs and drift show
     * which members change rather than two whole objects; empty for a field that is not a struct.
     */
    static List<MemberChange> memberChanges(AppClientField field, Object before, Object after) {
        List<MemberChange> out = new ArrayList<>();
        for (StructMember m : field.members()) {
            Object b = m.of(before);
            Object a = m.of(after);
            if (!Objects.equals(b, a)) {
                out.add(new MemberChange(field.key() + "." + m.key(), show(m, b), show(m, a)));
            }
        }
        return out;
    }

    private static String show(StructMember m, Object value) {
        if (value == null) {
            return "(none)";
        }
        if (m.duration()) {
            return Durations.format(((Number) value).longValue());
        }
        return value instanceof String s ? quote(s) : String.valueOf(value);
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

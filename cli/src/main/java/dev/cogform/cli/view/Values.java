package dev.cogform.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.Durations;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.model.Analytics;
import dev.cogform.core.model.RefreshTokenRotation;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
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

    /** One member of a struct field, named as cogform.yaml names it ({@code role_arn}). */
    record Member(String key, boolean duration, Function<Object, Object> get) {

        /** The member's value in {@code struct}, or null when the struct is absent. */
        Object of(Object struct) {
            return struct == null ? null : get.apply(struct);
        }

        String show(Object value) {
            if (value == null) {
                return "(none)";
            }
            if (duration) {
                return Durations.format(((Number) value).longValue());
            }
            return value instanceof String s ? quote(s) : String.valueOf(value);
        }
    }

    /**
     * The members of a struct field, so that plans show which of them change, as they do for
     * {@code token_validity.*}; empty for a field that is not a struct.
     */
    static List<Member> members(AppClientField field) {
        return switch (field) {
            case ANALYTICS -> List.of(
                    new Member("application_id", false, a -> ((Analytics) a).applicationId()),
                    new Member("application_arn", false, a -> ((Analytics) a).applicationArn()),
                    new Member("role_arn", false, a -> ((Analytics) a).roleArn()),
                    new Member("external_id", false, a -> ((Analytics) a).externalId()),
                    new Member("user_data_shared", false, a -> ((Analytics) a).userDataShared()));
            case REFRESH_TOKEN_ROTATION -> List.of(
                    new Member("feature", false, r -> ((RefreshTokenRotation) r).feature()),
                    new Member("retry_grace_period", true, r -> ((RefreshTokenRotation) r).retryGracePeriodSeconds()));
            default -> List.of();
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

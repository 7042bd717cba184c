package dev.cogform.core.model;

import java.util.List;
import java.util.function.Function;

/**
 * One member of a struct field ({@link AppClientField.Kind#STRUCT}), named as cogform.yaml names it
 * ({@code role_arn}), so that plans, diffs and drift report which members changed, as they do for
 * {@code token_validity.*}, instead of two whole objects. {@code duration} values are seconds.
 */
public record StructMember(String key, boolean duration, Function<Object, Object> get) {

    static final List<StructMember> ANALYTICS = List.of(
            new StructMember("application_id", false, a -> ((Analytics) a).applicationId()),
            new StructMember("application_arn", false, a -> ((Analytics) a).applicationArn()),
            new StructMember("role_arn", false, a -> ((Analytics) a).roleArn()),
            new StructMember("external_id", false, a -> ((Analytics) a).externalId()),
            new StructMember("user_data_shared", false, a -> ((Analytics) a).userDataShared()));

    static final List<StructMember> REFRESH_TOKEN_ROTATION = List.of(
            new StructMember("feature", false, r -> ((RefreshTokenRotation) r).feature()),
            new StructMember("retry_grace_period", true, r -> ((RefreshTokenRotation) r).retryGracePeriodSeconds()));

    /** This member's value in {@code struct}, or null when the struct is absent. */
    public Object of(Object struct) {
        return struct == null ? null : get.apply(struct);
    }
}

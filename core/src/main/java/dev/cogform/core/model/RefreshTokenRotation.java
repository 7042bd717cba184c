package dev.cogform.core.model;

import java.util.Objects;

/**
 * Cognito's {@code RefreshTokenRotation}. The grace period only means something when rotation is
 * enabled; Cognito answers 0 otherwise, so a disabled rotation always carries 0 here.
 */
public record RefreshTokenRotation(String feature, int retryGracePeriodSeconds) {

    public static final String ENABLED = "ENABLED";
    public static final String DISABLED = "DISABLED";
    public static final RefreshTokenRotation DEFAULT = new RefreshTokenRotation(DISABLED, 0);

    public RefreshTokenRotation {
        Objects.requireNonNull(feature, "feature");
        if (DISABLED.equals(feature)) {
            retryGracePeriodSeconds = 0;
        }
    }

    public boolean enabled() {
        return ENABLED.equals(feature);
    }
}

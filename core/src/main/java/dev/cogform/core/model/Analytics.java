package dev.cogform.core.model;

/**
 * Cognito's {@code AnalyticsConfiguration}. Either {@code applicationArn}, or {@code applicationId}
 * with {@code roleArn} and {@code externalId}; unset members are null.
 */
public record Analytics(
        String applicationId,
        String applicationArn,
        String roleArn,
        String externalId,
        boolean userDataShared) {
}

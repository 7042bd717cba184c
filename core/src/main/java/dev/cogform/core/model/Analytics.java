package dev.cogform.core.model;

import java.util.regex.Pattern;

/**
 * Cognito's {@code AnalyticsConfiguration}. Either {@code applicationArn}, or {@code applicationId}
 * with {@code roleArn} and {@code externalId}; unset members are null.
 *
 * <p>With {@code applicationArn}, Cognito fills {@code roleArn} with its own service-linked role
 * ({@link #isServiceLinkedRole}); that role is folded to null here, so a client that names no role
 * and one Cognito gave its role compare equal in plans, drift checks and apply-response checks.
 */
public record Analytics(
        String applicationId,
        String applicationArn,
        String roleArn,
        String externalId,
        boolean userDataShared) {

    /** {@code arn:PARTITION:iam::ACCOUNT:role/aws-service-role/cognito-idp.amazonaws.com/AWSServiceRoleForAmazonCognitoIdp}. */
    private static final Pattern SERVICE_LINKED_ROLE = Pattern.compile(
            "arn:aws[a-z-]*:iam::[0-9]{12}:role/aws-service-role/cognito-idp\\.amazonaws\\.com/AWSServiceRoleForAmazonCognitoIdp");

    public Analytics {
        if (applicationArn != null && isServiceLinkedRole(roleArn)) {
            roleArn = null;
        }
    }

    /** Whether {@code roleArn} is Cognito's service-linked role, which it assigns itself for an application ARN. */
    public static boolean isServiceLinkedRole(String roleArn) {
        return roleArn != null && SERVICE_LINKED_ROLE.matcher(roleArn).matches();
    }
}

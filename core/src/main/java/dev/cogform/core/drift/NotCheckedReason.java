package dev.cogform.core.drift;

import dev.cogform.core.live.GatewayError;

/** Why a client was not checked; none of them means the client is in sync or gone. */
public enum NotCheckedReason {
    /** Still throttled after cogform's retries: lower provider.quotas or run later. */
    THROTTLED,
    /** The credentials may not read the pool or client: check the IAM policy. */
    ACCESS_DENIED,
    /** The pool does not exist (or not in this account and region): check provider and pool id. */
    POOL_NOT_FOUND,
    /** Cognito did not answer in time or could not be reached: check the endpoint and network. */
    TIMEOUT,
    /** Any other failure; the diagnostic says what. */
    ERROR;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static NotCheckedReason of(GatewayError error, boolean poolLevel) {
        if (error == null) {
            return ERROR;
        }
        return switch (error) {
            case THROTTLED -> THROTTLED;
            case ACCESS_DENIED -> ACCESS_DENIED;
            case NOT_FOUND -> poolLevel ? POOL_NOT_FOUND : ERROR;
            case UNREACHABLE -> TIMEOUT;
            default -> ERROR;
        };
    }
}

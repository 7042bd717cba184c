package dev.cogform.core.live;

/** The kinds of failure Cognito access can have, each with what usually helps. */
public enum GatewayError {
    /** The pool or client does not exist. */
    NOT_FOUND,
    /** Still throttled after cogform's own retries; lower the rates in {@code provider.quotas} or retry later. */
    THROTTLED,
    /** Another update of the same pool was in flight, still after retries. */
    CONCURRENT_MODIFICATION,
    /** Cognito rejected a value ({@code InvalidParameterException} and kin); the message is Cognito's. */
    INVALID_PARAMETER,
    /** A resource-count quota, such as 1,000 clients per pool; ask AWS to raise it. */
    LIMIT_EXCEEDED,
    /** The credentials may not do this; check the IAM policy and the profile or role. */
    ACCESS_DENIED,
    /** The endpoint could not be reached; check the region, endpoint and network. */
    UNREACHABLE,
    /**
     * No answer within the request timeout: the request may have arrived and may still be carried out,
     * so a write's outcome is unknown until well after the timeout.
     */
    TIMED_OUT,
    /** Anything else Cognito answered, such as an internal error. */
    OTHER
}

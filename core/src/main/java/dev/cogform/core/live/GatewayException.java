package dev.cogform.core.live;

import java.util.Objects;

/**
 * A failed Cognito call, as data: the kind, Cognito's error code and message, and its
 * {@code reasonCode} where it gave one. Never carries a client secret.
 */
public class GatewayException extends RuntimeException {

    private final GatewayError error;
    private final String awsCode;
    private final String reasonCode;

    public GatewayException(GatewayError error, String message, String awsCode, String reasonCode, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
        this.awsCode = awsCode;
        this.reasonCode = reasonCode;
    }

    public GatewayException(GatewayError error, String message) {
        this(error, message, null, null, null);
    }

    public GatewayError error() {
        return error;
    }

    /** Cognito's error code, such as {@code InvalidParameterException}; null when there was no answer. */
    public String awsCode() {
        return awsCode;
    }

    /** {@code InvalidParameterException}'s reason code; usually null. */
    public String reasonCode() {
        return reasonCode;
    }

    /**
     * The message for people, with Cognito's error code and reason code added where the message does
     * not already name them (the SDK adapter's messages usually do).
     */
    public String detail() {
        String message = String.valueOf(getMessage());
        StringBuilder out = new StringBuilder();
        if (awsCode != null && !message.contains(awsCode)) {
            out.append(awsCode).append(": ");
        }
        out.append(message);
        if (reasonCode != null && !message.contains(reasonCode)) {
            out.append(" (reason ").append(reasonCode).append(')');
        }
        return out.toString();
    }
}

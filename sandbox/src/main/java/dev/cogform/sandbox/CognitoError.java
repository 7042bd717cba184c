package dev.cogform.sandbox;

/**
 * An error answer in Cognito's wire form: the {@code __type} code, the message and the HTTP status.
 * Thrown by the operations and turned into a response by {@link ProtocolHandler}.
 */
final class CognitoError extends RuntimeException {

    private final String type;
    private final int status;

    CognitoError(String type, String message, int status) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    String type() {
        return type;
    }

    int status() {
        return status;
    }

    static CognitoError invalidParameter(String message) {
        return new CognitoError("InvalidParameterException", message, 400);
    }

    static CognitoError invalidOAuthFlow(String message) {
        return new CognitoError("InvalidOAuthFlowException", message, 400);
    }

    static CognitoError scopeDoesNotExist(String message) {
        return new CognitoError("ScopeDoesNotExistException", message, 400);
    }

    static CognitoError notFound(String message) {
        return new CognitoError("ResourceNotFoundException", message, 400);
    }

    static CognitoError limitExceeded(String message) {
        return new CognitoError("LimitExceededException", message, 400);
    }

    static CognitoError tooManyRequests() {
        return new CognitoError("TooManyRequestsException", "Rate exceeded", 400);
    }

    static CognitoError concurrentModification() {
        return new CognitoError("ConcurrentModificationException",
                "Only one request to update user pool client can be processed at a time.", 400);
    }

    static CognitoError serialization(String message) {
        return new CognitoError("SerializationException", message, 400);
    }

    static CognitoError internal(String message) {
        return new CognitoError("InternalErrorException", message, 500);
    }
}

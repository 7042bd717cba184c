package dev.cogform.core.live.cognito;

import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.GatewayException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.http.conn.ConnectTimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;

/**
 * Turns SDK failures into {@link GatewayException}s. Cognito reports modelled errors with HTTP 400,
 * so the kind comes from the error code, not the status. Messages carry Cognito's own text and
 * code; no request content is ever echoed, so a client secret cannot leak through them.
 */
final class GatewayErrors {

    static final String TOO_MANY_REQUESTS = "TooManyRequestsException";
    static final String CONCURRENT_MODIFICATION = "ConcurrentModificationException";
    static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";

    private static final Set<String> INVALID = Set.of("InvalidParameterException", "InvalidOAuthFlowException",
            "ScopeDoesNotExistException", "UnsupportedIdentityProviderException", "ValidationException",
            "SerializationException", "FeatureUnavailableInTierException");
    private static final Set<String> LIMITS = Set.of("LimitExceededException", "ServiceQuotaExceededException");
    private static final Set<String> DENIED = Set.of("NotAuthorizedException", "AccessDeniedException",
            "AccessDenied", "UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException",
            "SignatureDoesNotMatch", "ExpiredTokenException", "ExpiredToken", "MissingAuthenticationToken",
            "IncompleteSignature");

    private GatewayErrors() {
    }

    /** Cognito's error code of {@code e}, or null when the failure had no service answer. */
    static String code(Throwable e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            return s.awsErrorDetails().errorCode();
        }
        return null;
    }

    /** Which failures cogform retries itself (the SDK is configured not to retry these). */
    static Retrier.Retry retryable(RuntimeException e) {
        String code = code(e);
        if (TOO_MANY_REQUESTS.equals(code) || (e instanceof AwsServiceException s && s.isThrottlingException())) {
            return Retrier.Retry.THROTTLED;
        }
        if (CONCURRENT_MODIFICATION.equals(code)) {
            return Retrier.Retry.CONCURRENT_MODIFICATION;
        }
        return null;
    }

    /**
     * The domain error for {@code e}, raised by {@code operation} on {@code poolId} (may be null);
     * {@code attempts} is how often cogform tried when the failure is one it retries.
     */
    static GatewayException map(CognitoOperation operation, String poolId, SdkException e, int attempts) {
        String where = operation.apiName() + (poolId != null ? " on pool " + poolId : "");
        if (e instanceof AwsServiceException s) {
            String code = code(s);
            String message = s.awsErrorDetails() != null && s.awsErrorDetails().errorMessage() != null
                    ? s.awsErrorDetails().errorMessage() : "HTTP " + s.statusCode();
            String reason = s instanceof InvalidParameterException ip ? ip.reasonCode() : null;
            GatewayError kind = kind(code, s.statusCode(), s.isThrottlingException());
            String text = switch (kind) {
                case THROTTLED -> where + ": still throttled after " + attempts + " attempts (" + message
                        + "); lower the rates in provider.quotas or retry later";
                case CONCURRENT_MODIFICATION -> where + ": another update of the pool was in flight, still after "
                        + attempts + " attempts (" + message + ")";
                default -> where + ": " + message + " (" + code + (reason != null ? ", reason " + reason : "") + ")";
            };
            return new GatewayException(kind, text, code, reason, e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException || readTimeout(e)) {
            return new GatewayException(GatewayError.TIMED_OUT,
                    where + ": no answer in time (" + e.getMessage() + "); check the endpoint and network",
                    null, null, e);
        }
        if (e instanceof SdkClientException && connectFailure(e)) {
            return new GatewayException(GatewayError.UNREACHABLE,
                    where + ": cannot connect (" + rootMessage(e) + "); check the region, endpoint and network",
                    null, null, e);
        }
        if (e instanceof SdkClientException && e.getMessage() != null
                && e.getMessage().startsWith("Unable to load credentials")) {
            return new GatewayException(GatewayError.ACCESS_DENIED,
                    where + ": no AWS credentials found; set provider.profile, AWS_PROFILE, AWS_ACCESS_KEY_ID and"
                            + " AWS_SECRET_ACCESS_KEY, or run where a role is available (--debug shows every"
                            + " source the SDK tried)", null, null, e);
        }
        Matcher profile = e.getMessage() == null ? null : NO_PROFILE_CREDENTIALS.matcher(e.getMessage());
        if (profile != null && profile.find()) {
            // The SDK's words end in a dump of its parsed profile file (ProfileFile(sections=[])).
            return new GatewayException(GatewayError.ACCESS_DENIED, where + ": the AWS profile '" + profile.group(1)
                    + "' has no credentials (in ~/.aws/credentials or ~/.aws/config); check provider.profile and"
                    + " AWS_PROFILE", null, null, e);
        }
        return new GatewayException(GatewayError.OTHER, where + ": " + e.getMessage(), null, null, e);
    }

    private static final Pattern NO_PROFILE_CREDENTIALS =
            Pattern.compile("Profile file contained no credentials for profile '([^']*)'");

    static GatewayError kind(String code, int status, boolean throttling) {
        if (RESOURCE_NOT_FOUND.equals(code)) {
            return GatewayError.NOT_FOUND;
        }
        if (TOO_MANY_REQUESTS.equals(code) || throttling) {
            return GatewayError.THROTTLED;
        }
        if (CONCURRENT_MODIFICATION.equals(code)) {
            return GatewayError.CONCURRENT_MODIFICATION;
        }
        // Set.of(...).contains(null) throws; a peer's answer without an error code is only "other".
        if (code != null && INVALID.contains(code)) {
            return GatewayError.INVALID_PARAMETER;
        }
        if (code != null && LIMITS.contains(code)) {
            return GatewayError.LIMIT_EXCEEDED;
        }
        if (code != null && DENIED.contains(code) || status == 401 || status == 403) {
            return GatewayError.ACCESS_DENIED;
        }
        return GatewayError.OTHER;
    }

    /** The socket timed out waiting for the answer (not while connecting: that request was never sent). */
    private static boolean readTimeout(Throwable e) {
        if (connectFailure(e)) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException
                    || t instanceof ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}

package dev.cogform.state.s3;

import dev.cogform.core.state.StateException;
import dev.cogform.state.blob.Blob;
import dev.cogform.state.blob.BlobClient;
import dev.cogform.state.blob.BlobTransportException;
import dev.cogform.state.blob.ConditionFailedException;
import dev.cogform.state.blob.ConditionNotSupportedException;
import dev.cogform.state.blob.Precondition;
import dev.cogform.state.blob.StoredBlob;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * One S3 object as a blob, with S3's conditional requests: {@code If-None-Match: *} and
 * {@code If-Match} on PUT, {@code If-Match} on DELETE. HTTP 412 (and 404 or 409 on a conditional
 * request) means the condition failed; 501 means the store cannot check it; a failure without a
 * response means the outcome is unknown.
 */
public final class S3BlobClient implements BlobClient {

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String kmsKeyId;

    /** {@code kmsKeyId} (nullable) turns on SSE-KMS with that key for every write. */
    public S3BlobClient(S3Client s3, String bucket, String key, String kmsKeyId) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.kmsKeyId = kmsKeyId;
    }

    @Override
    public Optional<StoredBlob> get() {
        try {
            ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            GetObjectResponse response = r.response();
            return Optional.of(new StoredBlob(new Blob(r.asByteArray(), response.metadata()), response.eTag(),
                    response.lastModified(), date(response)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            throw failure("read", e);
        } catch (SdkClientException e) {
            throw new BlobTransportException("could not read " + location() + ": " + describe(e), e);
        }
    }

    /** The response's {@code Date} header: S3's clock at the time of the read; null when absent or unreadable. */
    private static Instant date(GetObjectResponse response) {
        return response.sdkHttpResponse().firstMatchingHeader("Date").map(d -> {
            try {
                return ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }).orElse(null);
    }

    @Override
    public String put(Blob blob, Precondition precondition) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key)
                .contentType("application/json").metadata(blob.metadata());
        switch (precondition.kind()) {
            case ABSENT -> request.ifNoneMatch("*");
            case MATCHES -> request.ifMatch(precondition.etag());
            case NONE -> { }
        }
        if (kmsKeyId != null) {
            request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyId);
        }
        try {
            return s3.putObject(request.build(), RequestBody.fromBytes(blob.data())).eTag();
        } catch (S3Exception e) {
            throw conditional(e, precondition, "write");
        } catch (SdkClientException e) {
            throw new BlobTransportException("no answer writing " + location() + " (" + precondition
                    + "); the write may or may not have happened: " + describe(e), e);
        }
    }

    @Override
    public void delete(Precondition precondition) {
        DeleteObjectRequest.Builder request = DeleteObjectRequest.builder().bucket(bucket).key(key);
        switch (precondition.kind()) {
            case MATCHES -> request.ifMatch(precondition.etag());
            case ABSENT -> throw new IllegalArgumentException("a delete cannot require the object to be absent");
            case NONE -> { }
        }
        try {
            s3.deleteObject(request.build());
        } catch (S3Exception e) {
            throw conditional(e, precondition, "delete");
        } catch (SdkClientException e) {
            throw new BlobTransportException("no answer deleting " + location() + ": " + describe(e), e);
        }
    }

    @Override
    public String location() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String recoveryAdvice() {
        return "If versioning is on for bucket " + bucket + ", an earlier version of " + key + " can be restored"
                + " (aws s3api list-object-versions --bucket " + bucket + " --prefix " + key + ").";
    }

    private StateException conditional(S3Exception e, Precondition precondition, String verb) {
        int status = e.statusCode();
        boolean conditional = precondition.kind() != Precondition.Kind.NONE;
        if (status == 412 || conditional && (status == 404 || status == 409)) {
            return new ConditionFailedException(location() + " is not as expected (" + precondition + " failed, HTTP "
                    + status + ")");
        }
        if (status == 501 && conditional) {
            return new ConditionNotSupportedException("the store behind " + location() + " cannot " + verb + " with "
                    + precondition + " (HTTP 501)", e);
        }
        return failure(verb, e);
    }

    /** The SDK's message, except for missing credentials, where it lists every provider tried at length. */
    private static String describe(SdkClientException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("Unable to load credentials")) {
            return "no AWS credentials found; set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run"
                    + " where a role is available (--debug shows every source the SDK tried)";
        }
        Throwable refused = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException) {
                refused = t; // the innermost says it plainest ("Connection refused")
            }
        }
        if (refused != null) {
            // Instead of "Unable to execute HTTP request: Connect to … failed: … (SDK Attempt Count: 4)".
            return "cannot connect to " + endpointOf(e) + " (" + (refused instanceof java.net.UnknownHostException
                    ? "unknown host " : "") + refused.getMessage() + "); check state.endpoint, the region and the network";
        }
        return e.getMessage();
    }

    private static final java.util.regex.Pattern CONNECT_TO = java.util.regex.Pattern.compile("Connect to (\\S+)");

    /** The address the SDK says it tried ("Connect to http://host:port …"), or "the S3 endpoint". */
    private static String endpointOf(SdkClientException e) {
        var m = CONNECT_TO.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : "the S3 endpoint";
    }

    private StateException failure(String verb, S3Exception e) {
        String detail = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() + " (" + e.awsErrorDetails().errorCode() + ", HTTP " + e.statusCode() + ")"
                : e.getMessage();
        String hint = switch (e.statusCode()) {
            case 403 -> "; check the credentials and that they may " + verb + " this object";
            case 404 -> "; check that the bucket " + bucket + " exists";
            default -> "";
        };
        return new StateException("could not " + verb + " " + location() + ": " + detail + hint, e);
    }
}

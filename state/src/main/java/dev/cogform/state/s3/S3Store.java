package dev.cogform.state.s3;

import dev.cogform.core.live.cognito.RetryProgress;
import dev.cogform.core.state.StateException;
import dev.cogform.state.blob.BlobStateStore;
import dev.cogform.state.blob.LeaseLocker;
import dev.cogform.state.blob.Warnings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Opens a state kept in S3 (or an S3-compatible store). */
public final class S3Store {

    /** The lock object's key is the state's key plus this suffix. */
    public static final String LOCK_SUFFIX = ".lock";

    private S3Store() {
    }

    /**
     * The state at {@code location}, with AWS's default credential chain; the region falls back to the
     * default region chain, or {@code us-east-1} for a custom endpoint.
     */
    public static BlobStateStore open(S3Location location) {
        S3Client client = client(location);
        return open(client, location, LeaseLocker.DEFAULT_LEASE).closing(client);
    }

    /** The state at {@code location} through {@code client}, with locks leased for {@code lease}. */
    public static BlobStateStore open(S3Client client, S3Location location, Duration lease) {
        Warnings warnings = new Warnings();
        S3BlobClient state = new S3BlobClient(client, location.bucket(), location.key(), location.kmsKeyId());
        S3BlobClient lock = new S3BlobClient(client, location.bucket(), location.key() + LOCK_SUFFIX, location.kmsKeyId());
        return new BlobStateStore(state, new LeaseLocker(lock, location.url(), lease, Clock.systemUTC(), warnings), warnings);
    }

    /** An S3 client for {@code location}: Apache HTTP client, path-style addressing when an endpoint is set. */
    public static S3Client client(S3Location location) {
        AtomicInteger maxAttempts = new AtomicInteger();
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new RetryProgress(maxAttempts::get)));
        if (location.region() != null) {
            builder.region(Region.of(location.region()));
        } else if (location.endpoint() != null) {
            builder.region(Region.US_EAST_1);
        }
        if (location.endpoint() != null) {
            builder.endpointOverride(URI.create(location.endpoint())).forcePathStyle(true);
        }
        try {
            S3Client client = builder.build();
            // The SDK's default strategy for S3 (retries are left as they are; this only reads the count).
            client.serviceClientConfiguration().overrideConfiguration().retryStrategy()
                    .ifPresent(s -> maxAttempts.set(s.maxAttempts()));
            return client;
        } catch (SdkClientException e) {
            throw new StateException("cannot set up S3 access for " + location.url() + ": " + e.getMessage()
                    + "; set state.region in cogform.yaml (or AWS_REGION)", e);
        }
    }
}

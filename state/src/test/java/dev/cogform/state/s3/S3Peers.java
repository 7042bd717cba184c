package dev.cogform.state.s3;

import java.net.URI;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** S3 servers for tests: s3proxy in-process, and clients for it or for moto_server. */
final class S3Peers {

    static final String ACCESS_KEY = "ak";
    static final String SECRET_KEY = "sk";

    private S3Peers() {
    }

    /** s3proxy 4.0.0 on a random port, in memory, checking SigV4, letting SSE headers through. */
    static S3Proxy startS3Proxy() throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient-nio2", new Properties()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("s3proxy did not start: state " + proxy.getState());
            }
            Thread.sleep(5);
        }
        return proxy;
    }

    static URI endpoint(S3Proxy proxy) {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    static S3Client client(URI endpoint, ExecutionInterceptor... interceptors) {
        return S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .executionInterceptors(java.util.List.of(interceptors)).build())
                .build();
    }

    /** A fresh bucket name (3–63 lower-case characters). */
    static String newBucket(S3Client s3) {
        String bucket = "cogform-" + UUID.randomUUID().toString().substring(0, 13);
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }
}

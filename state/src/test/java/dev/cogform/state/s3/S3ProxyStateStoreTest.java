package dev.cogform.state.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.state.blob.BlobStateStore;
import dev.cogform.state.blob.LockRaceContract;
import dev.cogform.state.blob.Snapshots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The contract on s3proxy 4.0.0 in-process: its {@code If-None-Match: *} is atomic, so lock races run
 * for real; it answers 501 to conditional deletes, which exercises the unlock fallback.
 */
@SuppressWarnings("try") // locks are held for a block, not referenced in it
class S3ProxyStateStoreTest implements S3StoreContract, LockRaceContract {

    private static S3Proxy proxy;
    private static S3Client s3;
    private static final List<SdkHttpRequest> PUTS = new CopyOnWriteArrayList<>();
    private String bucket;

    @BeforeAll
    static void start() throws Exception {
        proxy = S3Peers.startS3Proxy();
        s3 = S3Peers.client(S3Peers.endpoint(proxy), new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.httpRequest().method().name().equals("PUT")) {
                    PUTS.add(context.httpRequest());
                }
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        proxy.stop();
    }

    @BeforeEach
    void newBucket() {
        bucket = S3Peers.newBucket(s3);
    }

    @Override
    public S3Client s3() {
        return s3;
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public int rounds() {
        return 10;
    }

    @Test
    void release_whereConditionalDeleteAnswers501_fallsBackToCompareAndDeleteWithAWarning() {
        BlobStateStore store = openStore();
        store.lock("apply", Duration.ZERO).close();
        assertThat(rawLock().get()).isEmpty();
        assertThat(store.drainWarnings()).singleElement().asString()
                .contains("does not support conditional deletes (HTTP 501)").contains(bucket);
    }

    @Test
    void kmsKey_isSentAsSseKmsOnStateAndLockWrites() {
        PUTS.clear();
        BlobStateStore store = S3Store.open(s3, new S3Location(bucket, KEY, null, null, "alias/cogform-state"),
                Duration.ofMinutes(1));
        try (var lock = store.lock("apply", Duration.ZERO)) {
            store.write(Snapshots.with(store.read(), "main.a"));
        }
        assertThat(PUTS).hasSizeGreaterThanOrEqualTo(2).allSatisfy(request -> {
            Map<String, List<String>> headers = request.headers();
            assertThat(headers.get("x-amz-server-side-encryption")).containsExactly("aws:kms");
            assertThat(headers.get("x-amz-server-side-encryption-aws-kms-key-id")).containsExactly("alias/cogform-state");
        });
        assertThat(PUTS).anySatisfy(r -> assertThat(r.encodedPath()).endsWith(KEY));
        assertThat(PUTS).anySatisfy(r -> assertThat(r.encodedPath()).endsWith(KEY + ".lock"));
    }
}

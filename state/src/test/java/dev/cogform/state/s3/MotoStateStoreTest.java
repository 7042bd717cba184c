package dev.cogform.state.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.state.StateLock;
import dev.cogform.core.testing.Peers;
import dev.cogform.core.testing.peers.Peer;
import dev.cogform.core.testing.peers.WithPeers;
import dev.cogform.state.blob.BlobStateStore;
import dev.cogform.state.blob.Snapshots;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The contract on moto_server's S3 (started by the suite, see {@link WithPeers}). Sequential
 * semantics only: moto's conditional writes are not checked under races, so no race suite here.
 */
@SuppressWarnings("try") // locks are held for a block, not referenced in it
@WithPeers(Peer.MOTO)
class MotoStateStoreTest implements S3StoreContract {

    private static S3Client s3;
    private String bucket;

    @BeforeAll
    static void connect() {
        s3 = S3Peers.client(Peers.moto());
    }

    @AfterAll
    static void close() {
        s3.close();
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

    @Test
    void kmsKey_isAppliedToTheStateAndLockObjects() {
        BlobStateStore store = S3Store.open(s3, new S3Location(bucket, KEY, null, null, "cogform-test-key"),
                Duration.ofMinutes(1));
        try (StateLock lock = store.lock("apply", Duration.ZERO)) {
            store.write(Snapshots.with(store.read(), "main.a"));
            HeadObjectResponse lockHead = s3.headObject(b -> b.bucket(bucket).key(KEY + S3Store.LOCK_SUFFIX));
            assertThat(lockHead.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        }
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(KEY));
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(head.ssekmsKeyId()).contains("cogform-test-key");
        assertThat(store.read().clients()).hasSize(1);
    }
}

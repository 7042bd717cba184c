package dev.cogform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.desired.StateConfig;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import dev.cogform.state.backend.BackendConfig;
import dev.cogform.state.backend.StateBackend;
import dev.cogform.state.blob.BlobClient;
import dev.cogform.state.blob.BlobStateStore;
import dev.cogform.state.blob.InMemoryBlobClient;
import dev.cogform.state.blob.LeaseLocker;
import dev.cogform.state.blob.Snapshots;
import dev.cogform.state.blob.StoredBlob;
import dev.cogform.state.blob.Warnings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry: finding backends, handing them parsed settings, and taking a new backend in one line. */
class StateBackendsTest {

    @TempDir
    Path stack;

    private final StateBackends standard = StateBackends.standard();

    @Test
    void standard_registersLocalAndS3_withTheKeysOfTheirStateBlocks() {
        assertThat(standard.names()).containsExactly("local", "s3");
        assertThat(standard.find("local").orElseThrow().configKeys()).containsExactly("path");
        assertThat(standard.find("s3").orElseThrow().configKeys())
                .containsExactlyInAnyOrder("bucket", "key", "region", "endpoint", "kms_key_id");
    }

    @Test
    void open_local_resolvesThePathInTheStack_andDefaultsIt() {
        try (StateStore custom = standard.open(new StateConfig("local", "states/prod.json", null, null, null, null, null), stack);
             StateStore unset = standard.open(new StateConfig(null, null, null, null, null, null, null), stack)) {
            assertThat(custom.location()).isEqualTo(stack.resolve("states/prod.json").toString());
            assertThat(unset.location()).isEqualTo(stack.resolve(StateConfig.DEFAULT_PATH).toString());
        }
    }

    @Test
    void open_s3_namesTheObject_andAMissingKeyIsAStateError() {
        try (StateStore s3 = standard.open(new StateConfig("s3", null, "bucket-x", "a/b.json", "eu-west-1", null, null), stack)) {
            assertThat(s3.location()).isEqualTo("s3://bucket-x/a/b.json");
        }
        assertThatThrownBy(() -> standard.open(new StateConfig("s3", null, "bucket-x", null, "eu-west-1", null, null), stack))
                .isInstanceOf(StateException.class).hasMessageContaining("needs a key");
    }

    @Test
    void open_anUnknownBackend_namesTheKnownOnes() {
        assertThatThrownBy(() -> standard.open(new StateConfig("ftp", null, null, null, null, null, null), stack))
                .isInstanceOf(StateException.class).hasMessage("state.backend 'ftp' is not known; use local or s3");
    }

    @Test
    void open_aSettingTheBackendDoesNotTake_isRefused() {
        assertThatThrownBy(() -> standard.open(new StateConfig("local", "x.json", "bucket", null, null, null, null), stack))
                .isInstanceOf(StateException.class).hasMessageContaining("state.bucket does not apply to backend local");
    }

    @Test
    void openTarget_parsesEachBackendsForm_andRefusesOptionsOfAnother() {
        Map<String, String> none = new HashMap<>();
        none.put("region", null);
        try (StateStore file = standard.openTarget("file:moved/state.json", none, stack);
             StateStore s3 = standard.openTarget("s3://b/k.json", Map.of("region", "us-east-1"), stack)) {
            assertThat(file.location()).isEqualTo(stack.resolve("moved/state.json").toString());
            assertThat(s3.location()).isEqualTo("s3://b/k.json");
        }
        assertThatThrownBy(() -> standard.openTarget("file:x.json", Map.of("region", "us-east-1"), stack))
                .hasMessageContaining("region does not apply to a file:PATH target");
        assertThatThrownBy(() -> standard.openTarget("s3://only-a-bucket", Map.of(), stack))
                .hasMessageContaining("is not an S3 location");
        assertThatThrownBy(() -> standard.openTarget("gs://b/k", Map.of(), stack))
                .hasMessage("'gs://b/k' is not a migration target; write file:PATH or s3://BUCKET/KEY");
    }

    @Test
    void aNewBackend_isOneBlobClientWiredIntoABlobStateStore_andOneRegistryEntry() {
        Map<String, StoredBlob> bucket = InMemoryBlobClient.newBucket();
        StateBackends registry = new StateBackends(List.of(new MemoryBackend(bucket)));

        try (StateStore store = registry.open(new StateConfig("memory", null, null, "state.json", null, null, null), stack)) {
            StateSnapshot written = store.write(Snapshots.with(store.read(), "main.web"));
            try (StateLock lock = store.lock("apply", Duration.ZERO)) {
                assertThat(store.lockHolder()).contains(lock.info());
            }
            assertThat(store.read()).isEqualTo(written);
        }
        assertThat(bucket).containsKey("state.json");
    }

    /** What a GCS or Azure backend looks like: a BlobClient for the store, the shared lease lock, the shared logic. */
    private record MemoryBackend(Map<String, StoredBlob> bucket) implements StateBackend {

        @Override
        public String name() {
            return "memory";
        }

        @Override
        public Set<String> configKeys() {
            return Set.of("key");
        }

        @Override
        public StateStore open(BackendConfig config) {
            Warnings warnings = new Warnings();
            BlobClient state = new InMemoryBlobClient(bucket, config.get("key"));
            return new BlobStateStore(state, new LeaseLocker(new InMemoryBlobClient(bucket, config.get("key") + ".lock"),
                    state.location(), Duration.ofMinutes(1), Clock.systemUTC(), warnings), warnings);
        }

        @Override
        public String targetForm() {
            return "memory:KEY";
        }

        @Override
        public Optional<Map<String, String>> targetSettings(String target) {
            return target.startsWith("memory:") ? Optional.of(Map.of("key", target.substring(7))) : Optional.empty();
        }
    }
}

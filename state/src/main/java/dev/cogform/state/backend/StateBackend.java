package dev.cogform.state.backend;

import dev.cogform.core.state.StateStore;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of state store, chosen by {@code state.backend} in cogform.yaml. A backend only turns settings
 * into a store; the state logic (lineage, serial, checksums, stale writes) is the same
 * {@link dev.cogform.state.blob.BlobStateStore} for all of them.
 */
public interface StateBackend {

    /** The value of {@code state.backend} that selects this backend, such as {@code s3}. */
    String name();

    /** The keys of the {@code state:} block this backend reads, besides {@code backend}. */
    Set<String> configKeys();

    /**
     * Opens the store {@code config} names; the caller closes it. Fails with a
     * {@link dev.cogform.core.state.StateException} saying which setting is missing or wrong.
     */
    StateStore open(BackendConfig config);

    /** How {@code state migrate --to} names a store of this backend, for messages: {@code s3://BUCKET/KEY}. */
    String targetForm();

    /**
     * The settings a {@code state migrate --to} target names when it has this backend's form (an
     * {@code s3://} URL names bucket and key); empty when it has another backend's form. Fails with a
     * {@link dev.cogform.core.state.StateException} when it has this form but is malformed.
     */
    Optional<Map<String, String>> targetSettings(String target);
}

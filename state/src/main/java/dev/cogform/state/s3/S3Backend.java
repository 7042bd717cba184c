package dev.cogform.state.s3;

import dev.cogform.core.desired.StateConfig;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateStore;
import dev.cogform.state.backend.BackendConfig;
import dev.cogform.state.backend.StateBackend;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code backend: s3}: an object in S3 or an S3-compatible store ({@code bucket} and {@code key}
 * required; {@code region}, {@code endpoint} and {@code kms_key_id} optional), with AWS's default
 * credential chain.
 */
public final class S3Backend implements StateBackend {

    @Override
    public String name() {
        return StateConfig.S3;
    }

    @Override
    public Set<String> configKeys() {
        return Set.of("bucket", "key", "region", "endpoint", "kms_key_id");
    }

    @Override
    public StateStore open(BackendConfig config) {
        S3Location location;
        try {
            location = new S3Location(config.get("bucket"), config.get("key"), config.get("region"),
                    config.get("endpoint"), config.get("kms_key_id"));
        } catch (IllegalArgumentException e) {
            throw new StateException("state: " + e.getMessage() + " (set state.bucket and state.key in cogform.yaml)", e);
        }
        return S3Store.open(location);
    }

    @Override
    public String targetForm() {
        return "s3://BUCKET/KEY";
    }

    @Override
    public Optional<Map<String, String>> targetSettings(String target) {
        if (!target.startsWith("s3://")) {
            return Optional.empty();
        }
        try {
            S3Location location = S3Location.parse(target, null, null, null);
            return Optional.of(Map.of("bucket", location.bucket(), "key", location.key()));
        } catch (IllegalArgumentException e) {
            throw new StateException(e.getMessage(), e);
        }
    }
}

package dev.cogform.state.backend;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of one {@code state:} block, already parsed and checked against the backend's keys:
 * {@code settings} maps the YAML keys ({@code bucket}, {@code kms_key_id}) to their values, unset keys
 * absent. Relative paths are relative to {@code stackDir}.
 */
public record BackendConfig(String backend, Map<String, String> settings, Path stackDir) {

    public BackendConfig {
        Objects.requireNonNull(backend, "backend");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(stackDir, "stackDir");
    }

    /** The value of {@code key}, or null when it is not set. */
    public String get(String key) {
        return settings.get(key);
    }
}

package dev.cogform.state;

import dev.cogform.core.desired.StateConfig;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateStore;
import dev.cogform.state.backend.BackendConfig;
import dev.cogform.state.backend.StateBackend;
import dev.cogform.state.local.LocalBackend;
import dev.cogform.state.s3.S3Backend;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The state backends cogform knows, by name. {@link #standard()} is the one place a backend is
 * registered; everything else (the CLI, {@code state migrate}) finds backends here.
 */
public record StateBackends(List<StateBackend> backends) {

    public StateBackends {
        backends = List.copyOf(backends);
    }

    /** The built-in backends: {@code local} and {@code s3}. */
    public static StateBackends standard() {
        return new StateBackends(List.of(new LocalBackend(), new S3Backend()));
    }

    /** The names, in registration order, as {@code state.backend} accepts them. */
    public List<String> names() {
        return backends.stream().map(StateBackend::name).toList();
    }

    /** The backend called {@code name}, if there is one. */
    public Optional<StateBackend> find(String name) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /**
     * Opens the store an already-parsed {@code state:} block names (no backend: local); a relative path
     * is relative to {@code stackDir}. The caller closes it.
     */
    public StateStore open(StateConfig config, Path stackDir) {
        String name = config.backend() == null ? StateConfig.LOCAL : config.backend();
        StateBackend backend = find(name).orElseThrow(() -> new StateException("state.backend '" + name
                + "' is not known; use " + String.join(" or ", names())));
        return open(backend, settings(config), stackDir);
    }

    /**
     * Opens the store a {@code state migrate --to} target names, with {@code options} (such as
     * {@code region}) added to the settings the target itself names; options that are null are unset.
     */
    public StateStore openTarget(String target, Map<String, String> options, Path stackDir) {
        for (StateBackend backend : backends) {
            Optional<Map<String, String>> named = backend.targetSettings(target);
            if (named.isPresent()) {
                Map<String, String> settings = new LinkedHashMap<>(named.get());
                options.forEach((key, value) -> {
                    if (value == null) {
                        return;
                    }
                    if (!backend.configKeys().contains(key)) {
                        throw new StateException(key + " does not apply to a " + backend.targetForm() + " target"
                                + " (settings of backend " + backend.name() + ": "
                                + String.join(", ", new TreeSet<>(backend.configKeys())) + ")");
                    }
                    settings.put(key, value);
                });
                return open(backend, settings, stackDir);
            }
        }
        throw new StateException("'" + target + "' is not a migration target; write "
                + String.join(" or ", backends.stream().map(StateBackend::targetForm).toList()));
    }

    private static StateStore open(StateBackend backend, Map<String, String> settings, Path stackDir) {
        for (String key : settings.keySet()) {
            if (!backend.configKeys().contains(key)) {
                // The loaders check the keys already; this keeps a target's options and a hand-made config honest.
                throw new StateException("state." + key + " does not apply to backend " + backend.name()
                        + "; keys for " + backend.name() + ": " + String.join(", ", new TreeSet<>(backend.configKeys())));
            }
        }
        return backend.open(new BackendConfig(backend.name(), settings, stackDir));
    }

    /**
     * The settings of {@code config} under their YAML keys: the one place that maps the fields of
     * {@link StateConfig} to backend settings.
     */
    static Map<String, String> settings(StateConfig config) {
        Map<String, String> settings = new LinkedHashMap<>();
        put(settings, "path", config.path());
        put(settings, "bucket", config.bucket());
        put(settings, "key", config.key());
        put(settings, "region", config.region());
        put(settings, "endpoint", config.endpoint());
        put(settings, "kms_key_id", config.kmsKeyId());
        return settings;
    }

    private static void put(Map<String, String> settings, String key, String value) {
        if (value != null) {
            settings.put(key, value);
        }
    }
}

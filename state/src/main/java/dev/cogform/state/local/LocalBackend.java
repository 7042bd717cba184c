package dev.cogform.state.local;

import dev.cogform.core.desired.StateConfig;
import dev.cogform.core.state.StateStore;
import dev.cogform.state.backend.BackendConfig;
import dev.cogform.state.backend.StateBackend;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code backend: local}: a file, {@code path} relative to the stack (default {@code .cogform/state.json}). */
public final class LocalBackend implements StateBackend {

    private static final String PREFIX = "file:";

    @Override
    public String name() {
        return StateConfig.LOCAL;
    }

    @Override
    public Set<String> configKeys() {
        return Set.of("path");
    }

    @Override
    public StateStore open(BackendConfig config) {
        String path = config.get("path");
        return LocalStore.open(config.stackDir().resolve(path == null ? StateConfig.DEFAULT_PATH : path));
    }

    @Override
    public String targetForm() {
        return PREFIX + "PATH";
    }

    @Override
    public Optional<Map<String, String>> targetSettings(String target) {
        if (!target.startsWith(PREFIX) || target.length() == PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(Map.of("path", target.substring(PREFIX.length())));
    }
}

package dev.cogform.core.live;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where the SDK clients of this process report that they try a request again ({@code waiting for … (attempt
 * 2 of 3)…}). The clients are built deep in the adapters (Cognito and S3) and the terminal belongs to the CLI,
 * so the CLI says where once; until it does, the lines are dropped: the engine prints nothing. Free of SDK
 * types, so that setting it loads none (offline commands stay fast).
 */
public final class RetryReports {

    private static volatile Consumer<String> listener = line -> { };

    private RetryReports() {
    }

    public static void reportTo(Consumer<String> to) {
        listener = Objects.requireNonNull(to);
    }

    /** Where the lines go now, to be put back after a stretch that sends them elsewhere (a progress line). */
    public static Consumer<String> listener() {
        return listener;
    }

    public static void report(String line) {
        listener.accept(line);
    }
}

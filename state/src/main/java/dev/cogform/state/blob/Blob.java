package dev.cogform.state.blob;

import java.util.Map;

/** Bytes to store, with user metadata kept beside them where the store supports it. */
public record Blob(byte[] data, Map<String, String> metadata) {

    public Blob {
        metadata = Map.copyOf(metadata);
    }

    public static Blob of(byte[] data) {
        return new Blob(data, Map.of());
    }
}

package dev.cogform.state.blob;

import java.util.Objects;

/**
 * The condition a write or delete must meet, checked atomically by the store: none, the object must
 * not exist ({@code If-None-Match: *}), or its ETag must be {@code etag} ({@code If-Match}).
 */
public record Precondition(Kind kind, String etag) {

    public enum Kind { NONE, ABSENT, MATCHES }

    public Precondition {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.MATCHES) != (etag != null)) {
            throw new IllegalArgumentException("an ETag goes with MATCHES and only with it");
        }
    }

    public static Precondition none() {
        return new Precondition(Kind.NONE, null);
    }

    public static Precondition absent() {
        return new Precondition(Kind.ABSENT, null);
    }

    public static Precondition matches(String etag) {
        return new Precondition(Kind.MATCHES, Objects.requireNonNull(etag, "etag"));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "unconditional";
            case ABSENT -> "If-None-Match: *";
            case MATCHES -> "If-Match: " + etag;
        };
    }
}

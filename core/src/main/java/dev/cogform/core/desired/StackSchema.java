package dev.cogform.core.desired;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The JSON Schema (2020-12) of {@code cogform.yaml}, for editors such as yaml-language-server. It is a
 * resource kept beside the loader; tests check that it names exactly the keys the loader reads.
 */
public final class StackSchema {

    /** The resource name, next to this class. */
    public static final String RESOURCE = "cogform.schema.json";

    private StackSchema() {
    }

    /** The schema document as JSON text. */
    public static String json() {
        try (InputStream in = Objects.requireNonNull(StackSchema.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

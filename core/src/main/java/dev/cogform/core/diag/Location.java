package dev.cogform.core.diag;

import dev.cogform.core.diag.SourcePosition;
import java.util.Objects;

/** Where a value was written: its field path, such as {@code pools.main.clients.web.callback_urls[1]}, and position. */
public record Location(String path, SourcePosition at) {

    public Location {
        Objects.requireNonNull(path, "path");
    }
}

package dev.cogform.state.format;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a document of format version {@link #from()} into one of version {@code from() + 1}. The codec
 * chains these, so each step only knows its two neighbouring versions.
 */
public interface FormatUpgrade {

    int from();

    /** The upgraded document; may modify and return {@code document}. Its {@code version} is set by the caller. */
    ObjectNode upgrade(ObjectNode document);
}

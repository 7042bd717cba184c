package dev.cogform.state.format;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Format 2 to 3: a client may carry {@code secrets}, its client secrets' ids and creation dates
 * (secret rotation). A version 2 document has none, which version 3 writes as no {@code secrets}
 * member, so the document itself is unchanged; the version number is what makes a cogform that
 * predates rotation refuse a state it would rewrite without the secrets.
 */
final class SecretIdsUpgrade implements FormatUpgrade {

    @Override
    public int from() {
        return 2;
    }

    @Override
    public ObjectNode upgrade(ObjectNode document) {
        return document;
    }
}

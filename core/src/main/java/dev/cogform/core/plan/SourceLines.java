package dev.cogform.core.plan;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a changed client is written in cogform.yaml: the line of its key and the line of each changed
 * field (a field given in the pool's {@code defaults:} points there; a field the YAML leaves out points
 * at the client). For display only, so a review can link each field to its line; nothing decides on it.
 */
public record SourceLines(String file, int line, Map<String, Integer> fields) {

    public SourceLines {
        fields = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }

    /** The line of {@code field}, or the client's own line. */
    public int lineOf(String field) {
        return fields.getOrDefault(field, line);
    }
}

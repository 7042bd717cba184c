package dev.cogform.core.state;

/** Identifies one saved snapshot: its lineage and serial. */
public record StateVersion(String lineage, long serial) {
}

package dev.cogform.state.format;

import dev.cogform.core.state.StateSnapshot;

/**
 * A verified state document: the snapshot, the format version it was written in (older ones were
 * upgraded on read), the cogform version that wrote it, and its checksum.
 */
public record DecodedState(StateSnapshot snapshot, int formatVersion, String toolVersion, String checksum) {
}

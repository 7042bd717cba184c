package dev.cogform.state.format;

/** A state document as written, and its checksum (which stores may also keep as metadata). */
public record EncodedState(byte[] bytes, String checksum) {
}

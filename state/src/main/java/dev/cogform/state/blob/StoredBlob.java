package dev.cogform.state.blob;

/** A blob as read, with the ETag a conditional write or delete can name. */
public record StoredBlob(Blob blob, String etag) {

    public byte[] data() {
        return blob.data();
    }
}

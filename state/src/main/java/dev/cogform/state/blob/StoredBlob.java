package dev.cogform.state.blob;

import java.time.Instant;

/**
 * A blob as read, with the ETag a conditional write or delete can name. {@code lastModified} and
 * {@code storeTime} are the store's own clock (S3's {@code Last-Modified} and response {@code Date}):
 * together they tell the object's age without trusting the local clock. Either may be null when the
 * store does not say.
 */
public record StoredBlob(Blob blob, String etag, Instant lastModified, Instant storeTime) {

    public StoredBlob(Blob blob, String etag) {
        this(blob, etag, null, null);
    }

    public byte[] data() {
        return blob.data();
    }

    /** How long ago, by the store's clock, the object was last written; null when the store does not say. */
    public java.time.Duration age() {
        if (lastModified == null || storeTime == null) {
            return null;
        }
        java.time.Duration age = java.time.Duration.between(lastModified, storeTime);
        return age.isNegative() ? java.time.Duration.ZERO : age;
    }
}

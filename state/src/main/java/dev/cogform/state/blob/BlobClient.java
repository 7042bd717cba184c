package dev.cogform.state.blob;

import java.util.Optional;

/**
 * One object in a byte store, read and written with compare-and-set on its ETag. Implementations only
 * move bytes; they do not parse them.
 */
public interface BlobClient {

    /** The object as stored now, or empty when there is none. */
    Optional<StoredBlob> get();

    /**
     * Stores {@code blob} if {@code precondition} holds at the moment of the write and returns the new
     * ETag. Fails with {@link ConditionFailedException} when it does not (nothing written), and with
     * {@link BlobTransportException} when the outcome is unknown (the write may or may not have happened).
     */
    String put(Blob blob, Precondition precondition);

    /**
     * Deletes the object if {@code precondition} holds; deleting an absent object unconditionally
     * succeeds. Fails with {@link ConditionNotSupportedException} when the store cannot check the
     * condition on a delete.
     */
    void delete(Precondition precondition);

    /** Where the object lives, for messages: a path or {@code s3://bucket/key}. */
    String location();

    /** What a user can do to recover when the object cannot be read, for error messages. */
    default String recoveryAdvice() {
        return "";
    }

    /**
     * Called once the state's lock is held by this process, when no other writer can be at work: the
     * time to tidy what a killed one left (a local file's temp files). Best effort; never fails.
     */
    default void lockAcquired() {
    }
}

package dev.cogform.core.state;

/** A held state lock; closing releases it. */
public interface StateLock extends AutoCloseable {

    LockInfo info();

    /**
     * Fails with {@link LockLostException} unless this lock is still surely held: not released, not
     * broken by someone else, and (for a lease) not past its end without a renewal. Called before every
     * Cognito write, so a writer that lost its lock stops instead of racing the new holder.
     */
    default void ensureHeld() {
    }

    @Override
    void close();
}

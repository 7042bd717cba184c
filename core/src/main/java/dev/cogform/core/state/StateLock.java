package dev.cogform.core.state;

/** A held state lock; closing releases it. */
public interface StateLock extends AutoCloseable {

    LockInfo info();

    @Override
    void close();
}

package dev.cogform.state.blob;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulates the failure behind opentofu#4405 on the first {@link #put}: the write reaches the store,
 * but the caller sees either a lost response ({@link Mode#LOST}) or, like an SDK that retried the lost
 * request, a 412 against its own write ({@link Mode#RETRIED}).
 */
public final class LostResponseBlobClient implements BlobClient {

    public enum Mode { LOST, RETRIED }

    private final BlobClient delegate;
    private final Mode mode;
    private final AtomicInteger puts = new AtomicInteger();

    public LostResponseBlobClient(BlobClient delegate, Mode mode) {
        this.delegate = delegate;
        this.mode = mode;
    }

    @Override
    public Optional<StoredBlob> get() {
        return delegate.get();
    }

    @Override
    public String put(Blob blob, Precondition precondition) {
        String etag = delegate.put(blob, precondition);
        if (puts.getAndIncrement() > 0) {
            return etag;
        }
        if (mode == Mode.RETRIED) {
            return delegate.put(blob, precondition); // the retry: 412 against our own object
        }
        throw new BlobTransportException("simulated: the response to a successful write was lost",
                new java.io.IOException("Unexpected end of file from server"));
    }

    @Override
    public void delete(Precondition precondition) {
        delegate.delete(precondition);
    }

    @Override
    public String location() {
        return delegate.location();
    }

    public int puts() {
        return puts.get();
    }
}

package dev.cogform.state.blob;

import dev.cogform.core.state.StateException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A strict in-memory object store for one key of a shared map: every conditional write and delete is
 * checked and applied atomically inside {@link ConcurrentHashMap#compute}, as real S3 does, so races on
 * compare-and-set can be tested here (no local S3 peer is atomic for {@code If-Match}).
 */
public final class InMemoryBlobClient implements BlobClient {

    private final Map<String, StoredBlob> objects;
    private final String key;

    public InMemoryBlobClient(Map<String, StoredBlob> objects, String key) {
        this.objects = objects;
        this.key = key;
    }

    /** A fresh, empty bucket. */
    public static Map<String, StoredBlob> newBucket() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public Optional<StoredBlob> get() {
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public String put(Blob blob, Precondition precondition) {
        String etag = "\"" + UUID.randomUUID() + "\"";
        objects.compute(key, (k, current) -> {
            check(precondition, current);
            return new StoredBlob(new Blob(blob.data().clone(), blob.metadata()), etag);
        });
        return etag;
    }

    @Override
    public void delete(Precondition precondition) {
        if (precondition.kind() == Precondition.Kind.ABSENT) {
            throw new IllegalArgumentException("a delete cannot require the object to be absent");
        }
        objects.compute(key, (k, current) -> {
            if (current == null && precondition.kind() == Precondition.Kind.NONE) {
                return null;
            }
            check(precondition, current);
            return null;
        });
    }

    @Override
    public String location() {
        return "memory://" + key;
    }

    private void check(Precondition precondition, StoredBlob current) {
        boolean ok = switch (precondition.kind()) {
            case NONE -> true;
            case ABSENT -> current == null;
            case MATCHES -> current != null && current.etag().equals(precondition.etag());
        };
        if (!ok) {
            throw new ConditionFailedException(location() + ": " + precondition + " failed");
        }
    }

    /** A client whose conditional deletes the store refuses with 501, like s3proxy's. */
    public static BlobClient withoutConditionalDelete(BlobClient delegate) {
        return new BlobClient() {
            @Override
            public Optional<StoredBlob> get() {
                return delegate.get();
            }

            @Override
            public String put(Blob blob, Precondition precondition) {
                return delegate.put(blob, precondition);
            }

            @Override
            public void delete(Precondition precondition) {
                if (precondition.kind() != Precondition.Kind.NONE) {
                    throw new ConditionNotSupportedException("501 Not Implemented", new StateException("501"));
                }
                delegate.delete(precondition);
            }

            @Override
            public String location() {
                return delegate.location();
            }
        };
    }
}

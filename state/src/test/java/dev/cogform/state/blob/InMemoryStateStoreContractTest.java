package dev.cogform.state.blob;

import dev.cogform.core.testing.InMemoryStateStore;
import org.junit.jupiter.api.BeforeEach;

/**
 * core's test double {@link InMemoryStateStore}, which backs the planner, applier and command tests, held to
 * the same contract as the real stores (not to be confused with {@link InMemoryStateStoreTest}, the real blob
 * store over in-memory blobs). It has no bytes, forced unlocks or imports, so only the interface-level part.
 */
class InMemoryStateStoreContractTest implements AnyStateStoreContract<InMemoryStateStore> {

    private InMemoryStateStore store;

    @BeforeEach
    void newStore() {
        store = new InMemoryStateStore();
    }

    /** The double is one object; every handle is that object, which shares the state as handles must. */
    @Override
    public InMemoryStateStore openStore() {
        return store;
    }
}

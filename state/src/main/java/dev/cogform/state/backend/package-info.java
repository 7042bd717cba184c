/**
 * What a state backend plugs in: {@link dev.cogform.state.backend.StateBackend} (a name, the keys of its
 * {@code state:} block, and how to open a store from them) and the parsed settings it receives. A new
 * backend is a {@link dev.cogform.state.blob.BlobClient} for its object store (plus a
 * {@link dev.cogform.state.blob.Locker} only if the lease lock cannot run on that store), a
 * {@code StateBackend} wiring them into a {@link dev.cogform.state.blob.BlobStateStore}, and one entry in
 * {@link dev.cogform.state.StateBackends}. Nothing here parses YAML or knows a particular backend.
 */
package dev.cogform.state.backend;

/**
 * The state logic over a dumb byte store: {@link dev.cogform.state.blob.BlobStateStore} keeps lineage,
 * serial and checksum and refuses stale writes, on top of any {@link dev.cogform.state.blob.BlobClient}
 * (one object with ETag compare-and-set) and {@link dev.cogform.state.blob.Locker}. A store only moves
 * bytes; it never decides whether a write is allowed. {@link dev.cogform.state.blob.LeaseLocker} is the
 * lock for object stores: a lock object created if absent, with a renewed lease that others may break
 * once it expired.
 */
package dev.cogform.state.blob;

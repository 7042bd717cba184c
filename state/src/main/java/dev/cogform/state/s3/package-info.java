/**
 * The S3 state store: {@link dev.cogform.state.s3.S3Store#open} gives a state kept in one S3 object,
 * written with {@code If-Match} on the ETag read (first write {@code If-None-Match: *}), with SSE-KMS
 * when a key is configured and the checksum also kept as object metadata, and locked by a lease object
 * {@code <key>.lock} (see {@link dev.cogform.state.blob.LeaseLocker}). Works with S3-compatible stores
 * through a custom endpoint (path-style addressing).
 */
package dev.cogform.state.s3;

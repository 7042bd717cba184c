/**
 * The on-disk JSON forms: the state document ({@link dev.cogform.state.format.StateCodec}: version
 * sniffing, step-by-step upgrades of older versions, checksum verification) and the lock-info document
 * ({@link dev.cogform.state.format.LockInfoCodec}). Pure functions of bytes; no I/O.
 */
package dev.cogform.state.format;

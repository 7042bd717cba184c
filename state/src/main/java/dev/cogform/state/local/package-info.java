/**
 * The local-file state store: {@link dev.cogform.state.local.LocalStore#open} gives a state kept in one
 * JSON file, written by temp file, fsync, atomic rename and directory fsync, with the previous version
 * kept as {@code .backup}, and locked with an operating-system file lock on a {@code .lock} file that
 * also holds human-readable lock info. An OS lock ends with its process, so a crash leaves no lock.
 */
package dev.cogform.state.local;

/**
 * Recorded state as values ({@link dev.cogform.core.state.StateSnapshot}) and the ports that load,
 * save and lock it. The file format and the local and S3 stores live in the {@code state} module.
 * A store keeps one current snapshot; saving is a compare-and-set on lineage and serial, so an
 * update can never be lost silently.
 */
package dev.cogform.core.state;

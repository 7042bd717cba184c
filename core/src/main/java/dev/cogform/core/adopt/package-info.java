/**
 * Adopting clients cogform did not create: {@link dev.cogform.core.adopt.Importer} takes one existing
 * client into the state ({@code cogform import}); {@link dev.cogform.core.adopt.StackWriter} writes a
 * pool's live clients as a cogform.yaml ({@code cogform generate}). The YAML's {@code import_id} is
 * planned by the planner, not here. Named for the noun because {@code import} is a Java keyword.
 */
package dev.cogform.core.adopt;

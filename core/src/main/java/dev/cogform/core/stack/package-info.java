/**
 * Loading a stack: {@link dev.cogform.core.stack.DesiredStateLoader} reads cogform.yaml with {@code desired}
 * and checks what it read with the {@code rule} book. It sits above both so that the reader and the checks
 * do not refer to each other.
 */
package dev.cogform.core.stack;

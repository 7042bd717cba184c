/**
 * The state module's entry point: {@link dev.cogform.state.StateBackends}, the registry of state
 * backends, which opens the store a {@code state:} block or a {@code state migrate --to} target names.
 * The subpackages hold the plug-in interface ({@code backend}), the shared state logic ({@code blob}),
 * the file format ({@code format}) and the backends ({@code local}, {@code s3}).
 */
package dev.cogform.state;

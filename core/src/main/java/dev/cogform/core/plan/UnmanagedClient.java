package dev.cogform.core.plan;

/** A client in a managed pool that no address manages; reported, never deleted. */
public record UnmanagedClient(String poolKey, String poolId, String clientId, String clientName) {
}

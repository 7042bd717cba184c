package dev.cogform.core.live;

/** One entry of {@code ListUserPoolClients}. */
public record ClientSummary(String poolId, String clientId, String clientName) {
}

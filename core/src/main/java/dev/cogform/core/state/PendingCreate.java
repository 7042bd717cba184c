package dev.cogform.core.state;

import dev.cogform.core.model.ClientAddress;
import java.time.Instant;

/**
 * A create about to be sent, recorded before the call. If the run dies before the client id is
 * saved, the next plan adopts the live client with this pool and name created after {@code at}.
 */
public record PendingCreate(ClientAddress address, String poolId, String clientName, Instant at) {
}

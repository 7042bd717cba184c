package dev.cogform.core.state;

import dev.cogform.core.model.ClientAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What cogform last recorded. {@code lineage} is fixed when a state is first created; {@code serial}
 * grows by one with every save; {@code serial} 0 means nothing has been saved yet.
 * {@code clients} is keyed by address; {@code pending} holds write-ahead intents of creates whose
 * outcome was not recorded (a crash between Cognito's answer and the state write).
 */
public record StateSnapshot(String lineage, long serial, Map<ClientAddress, ClientRecord> clients,
                            List<PendingCreate> pending) {

    public StateSnapshot {
        clients = java.util.Collections.unmodifiableMap(new TreeMap<>(clients));
        pending = List.copyOf(pending);
    }

    /** A new, never-saved state with a fresh lineage. */
    public static StateSnapshot empty() {
        return new StateSnapshot(UUID.randomUUID().toString(), 0, Map.of(), List.of());
    }

    public Optional<ClientRecord> client(ClientAddress address) {
        return Optional.ofNullable(clients.get(address));
    }

    public StateVersion version() {
        return new StateVersion(lineage, serial);
    }

    public StateSnapshot withClient(ClientRecord record) {
        var next = new TreeMap<>(clients);
        next.put(record.address(), record);
        return new StateSnapshot(lineage, serial, next, pending);
    }

    public StateSnapshot withoutClient(ClientAddress address) {
        var next = new TreeMap<>(clients);
        next.remove(address);
        return new StateSnapshot(lineage, serial, next, pending);
    }

    public StateSnapshot withPending(PendingCreate intent) {
        var next = new java.util.ArrayList<>(pending);
        next.removeIf(p -> p.address().equals(intent.address()));
        next.add(intent);
        return new StateSnapshot(lineage, serial, clients, next);
    }

    /**
     * The intents recorded with {@code intent} in one write before their creates (same pool, same time),
     * in the order they are sent: one at a time, each after the answer to the one before.
     */
    public List<PendingCreate> batchOf(PendingCreate intent) {
        return pending.stream().filter(q -> q.poolId().equals(intent.poolId()) && q.at().equals(intent.at())).toList();
    }

    public StateSnapshot withoutPending(ClientAddress address) {
        return new StateSnapshot(lineage, serial, clients,
                pending.stream().filter(p -> !p.address().equals(address)).toList());
    }
}

package dev.cogform.core.refresh;

import dev.cogform.core.spec.DriftRules;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.live.ClientSummary;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.StateSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Describes the clients of the listed pools that the state does not manage, for drift reports
 * (creation date, secret, flows). A failed describe is a warning: the client is still reported, with
 * less detail. Reads only; the gateway keeps to the quotas.
 */
public final class UnmanagedReader {

    private UnmanagedReader() {
    }

    /** The unmanaged clients of {@code live}'s listings, described, by client id; warnings into {@code diagnostics}. */
    public static Map<String, LiveClient> describe(CognitoGateway gateway, StateSnapshot state, LiveSnapshot live,
                                                   int parallelism, List<Diagnostic> diagnostics) {
        Set<String> managed = state.clients().values().stream().map(ClientRecord::clientId).collect(Collectors.toSet());
        List<ClientSummary> loose = live.listings().values().stream().flatMap(List::stream)
                .filter(s -> !managed.contains(s.clientId())).toList();
        Map<String, LiveClient> out = new ConcurrentHashMap<>();
        if (loose.isEmpty()) {
            return out;
        }
        List<Diagnostic> found = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, loose.size())), r -> {
            Thread t = new Thread(r, "cogform-unmanaged");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture.allOf(loose.stream().map(s -> CompletableFuture.runAsync(() -> {
                try {
                    gateway.describe(s.poolId(), s.clientId()).ifPresent(c -> out.put(c.clientId(), c));
                } catch (GatewayException e) {
                    found.add(DriftRules.UNMANAGED_UNREAD.diagnostic(null, "describing unmanaged client "
                            + s.clientId() + " in pool " + s.poolId() + " failed: " + e.detail()
                            + "; it is reported without creation date and secret", null, null));
                }
            }, pool)).toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
        diagnostics.addAll(found);
        return out;
    }
}

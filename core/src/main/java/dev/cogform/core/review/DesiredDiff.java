package dev.cogform.core.review;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredPool;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.plan.AttributeDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a change to cogform.yaml changes in the desired state: clients added, removed or changed, with
 * their field diffs. A changed field is an implied reset when the old YAML gave it a value and the new
 * one leaves it out, so it returns to Cognito's default. A pure function of two desired states.
 */
public record DesiredDiff(List<ClientChange> clients) {

    public enum Kind {
        ADDED("added"), REMOVED("removed"), CHANGED("changed");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One client that differs. {@code poolBefore}/{@code poolAfter} name its pool (id or name) on each
     * side; they differ when the pool it lives in changes, which replaces the client.
     * {@code preventDestroyBefore}/{@code After} are the lifecycle flags, null on the side it is absent.
     */
    public record ClientChange(ClientAddress address, Kind kind, String poolBefore, String poolAfter,
                               List<AttributeDiff> diffs, Boolean preventDestroyBefore, Boolean preventDestroyAfter) {

        public ClientChange {
            diffs = List.copyOf(diffs);
        }

        public boolean poolChanged() {
            return kind == Kind.CHANGED && !Objects.equals(poolBefore, poolAfter);
        }

        /** Whether the change needs a new client id: a create-only field or the pool changes. */
        public boolean replaces() {
            return poolChanged() || diffs.stream().anyMatch(d -> kind == Kind.CHANGED && d.forcesReplacement());
        }

        public List<AttributeDiff> impliedResets() {
            return diffs.stream().filter(AttributeDiff::impliedReset).toList();
        }
    }

    public DesiredDiff {
        clients = List.copyOf(clients);
    }

    public long count(Kind kind) {
        return clients.stream().filter(c -> c.kind() == kind).count();
    }

    public boolean empty() {
        return clients.isEmpty();
    }

    /** The difference from {@code base} to {@code head}; a null base is a stack new at head. */
    public static DesiredDiff between(DesiredState base, DesiredState head) {
        Map<ClientAddress, Side> before = sides(base);
        Map<ClientAddress, Side> after = sides(head);
        Map<ClientAddress, ClientChange> out = new TreeMap<>();
        after.forEach((address, a) -> {
            Side b = before.get(address);
            if (b == null) {
                out.put(address, new ClientChange(address, Kind.ADDED, null, a.pool().reference(),
                        AttributeDiff.between(AppClientSettings.defaults(a.client().settings().clientName()),
                                a.client().settings(), Set.of()), null, a.protect()));
                return;
            }
            List<AttributeDiff> diffs = new ArrayList<>();
            for (AttributeDiff d : AttributeDiff.between(b.client().settings(), a.client().settings(), Set.of())) {
                String key = d.field().key();
                boolean reset = !d.forcesReplacement() && d.field() != AppClientField.NAME
                        && b.client().sources().given(key) && !a.client().sources().given(key);
                diffs.add(new AttributeDiff(d.field(), d.before(), d.after(), reset));
            }
            boolean poolChanged = !b.pool().reference().equals(a.pool().reference());
            if (!diffs.isEmpty() || poolChanged || b.protect() != a.protect()) {
                out.put(address, new ClientChange(address, Kind.CHANGED, b.pool().reference(), a.pool().reference(),
                        diffs, b.protect(), a.protect()));
            }
        });
        before.forEach((address, b) -> {
            if (!after.containsKey(address)) {
                out.put(address, new ClientChange(address, Kind.REMOVED, b.pool().reference(), null, List.of(),
                        b.protect(), null));
            }
        });
        return new DesiredDiff(new ArrayList<>(out.values()));
    }

    private record Side(DesiredPool pool, DesiredClient client) {
        boolean protect() {
            return client.lifecycle().preventDestroy();
        }
    }

    private static Map<ClientAddress, Side> sides(DesiredState state) {
        Map<ClientAddress, Side> out = new TreeMap<>();
        if (state != null) {
            for (DesiredPool pool : state.pools()) {
                pool.clients().forEach(c -> out.putIfAbsent(c.address(), new Side(pool, c)));
            }
        }
        return out;
    }
}

package dev.cogform.core.drift;

import dev.cogform.core.model.DriftSeverity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The drift findings of a previous report ({@code --baseline FILE}), by stack and finding id, so a
 * scheduled run tells new, changed, unchanged and resolved findings apart and reports each drift
 * once. Ignored findings and clients that were not checked take no part: a client not checked now
 * resolves nothing, as nothing is known about it.
 */
public final class Baseline {

    /** One finding of the previous report: what identifies its value, and how to show it once resolved. */
    public record Entry(String stack, String id, String fingerprint, String address, String summary,
                        DriftSeverity severity) {
    }

    private final Map<String, Map<String, Entry>> byStack;

    private Baseline(Map<String, Map<String, Entry>> byStack) {
        this.byStack = byStack;
    }

    public static Baseline of(List<Entry> entries) {
        Map<String, Map<String, Entry>> byStack = new java.util.HashMap<>();
        entries.forEach(e -> byStack.computeIfAbsent(e.stack(), k -> new java.util.LinkedHashMap<>()).put(e.id(), e));
        return new Baseline(byStack);
    }

    /** The id of a field finding in a report and in a baseline. */
    public static String id(ClientFinding c, FieldFinding f) {
        return c.address() + ":" + f.key();
    }

    /** {@code report}'s stacks with every finding's {@link BaselineState}, resolved findings added. */
    public DriftReport apply(DriftReport report) {
        List<StackReport> stacks = report.stacks().stream().map(this::apply).toList();
        return new DriftReport(report.formatVersion(), report.toolVersion(), report.generatedAt(), true,
                report.failOn(), stacks, report.diagnostics());
    }

    StackReport apply(StackReport stack) {
        Map<String, Entry> before = byStack.getOrDefault(stack.stack(), Map.of());
        Set<String> seen = new HashSet<>();
        Set<String> unknown = new HashSet<>();
        List<ClientFinding> clients = new ArrayList<>();
        for (ClientFinding c : stack.clients()) {
            if (c.status() == Status.NOT_CHECKED) {
                unknown.add(c.address().toString());
                clients.add(c);
                continue;
            }
            List<FieldFinding> fields = new ArrayList<>();
            for (FieldFinding f : c.fields()) {
                String id = id(c, f);
                seen.add(id);
                fields.add(f.isIgnored() ? f : f.withBaseline(state(before.get(id), f.fingerprint())));
            }
            BaselineState own = null;
            if (c.status() == Status.DELETED) {
                seen.add(c.key());
                own = state(before.get(c.key()), c.key());
            }
            clients.add(c.with(c.status(), fields, c.ignored(), own));
        }
        List<UnmanagedFinding> unmanaged = new ArrayList<>();
        for (UnmanagedFinding u : stack.unmanaged()) {
            seen.add(u.key());
            unmanaged.add(u.withBaseline(state(before.get(u.key()), u.fingerprint())));
        }
        List<ResolvedFinding> resolved = new ArrayList<>();
        for (Entry e : before.values()) {
            if (!seen.contains(e.id()) && !unknown.contains(e.address())) {
                resolved.add(new ResolvedFinding(e.id(), e.address(), e.summary(), e.severity()));
            }
        }
        return stack.with(clients, unmanaged, resolved);
    }

    private static BaselineState state(Entry before, String fingerprint) {
        if (before == null) {
            return BaselineState.NEW;
        }
        return before.fingerprint().equals(fingerprint) ? BaselineState.UNCHANGED : BaselineState.CHANGED;
    }
}

package dev.cogform.core.drift;

import dev.cogform.core.model.DriftSeverity;
import dev.cogform.core.Version;
import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.StructMember;
import dev.cogform.core.plan.AttributeDiff;
import dev.cogform.core.plan.Drift;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanOptions;
import dev.cogform.core.plan.Planner;
import dev.cogform.core.plan.UnmanagedClient;
import dev.cogform.core.refresh.LiveSnapshot;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.StateSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drift of one stack, as a pure function of the planner's inputs: the desired state, the recorded
 * state and a live snapshot (plus the unmanaged clients described). Observe-only planning: the
 * planner's {@link Plan#drift()} gives live vs recorded; live vs cogform.yaml is reported for the
 * fields the state agrees with live on (changes not yet applied), so each difference is reported once,
 * under its cause. Fields in {@code lifecycle.ignore_changes} are left out, as in plans.
 */
public final class DriftDetector {

    private final String stack;
    private final DesiredState desired;
    private final StateSnapshot state;
    private final LiveSnapshot live;
    private final IgnoreRules ignore;
    private final SeverityRules severities;

    private DriftDetector(String stack, DesiredState desired, StateSnapshot state, LiveSnapshot live, IgnoreRules ignore) {
        this.stack = stack;
        this.desired = desired;
        this.state = state;
        this.live = live;
        this.ignore = ignore;
        this.severities = ignore.severities();
    }

    /**
     * The report of one stack. {@code described} holds unmanaged clients by client id (for creation
     * dates and secrets); {@code at} stamps the planner's options only.
     */
    public static StackReport detect(String stack, String budget, DesiredState desired, StateSnapshot state,
                                     LiveSnapshot live, Map<String, LiveClient> described, IgnoreRules ignore,
                                     Instant at) {
        return new DriftDetector(stack, desired, state, live, ignore).run(budget, described, at);
    }

    private StackReport run(String budget, Map<String, LiveClient> described, Instant at) {
        Plan plan = Planner.plan(desired, state, live, new PlanOptions(Set.of(), at, Version.current()));
        Map<ClientAddress, Drift> drift = new HashMap<>();
        plan.drift().forEach(d -> drift.put(d.address(), d));
        Map<ClientAddress, DesiredClient> wanted = new HashMap<>();
        desired.clients().forEach(c -> wanted.putIfAbsent(c.address(), c));
        Set<ClientAddress> addresses = new TreeSet<>(state.clients().keySet());
        addresses.addAll(wanted.keySet());

        List<ClientFinding> clients = new ArrayList<>();
        for (ClientAddress a : addresses) {
            clients.add(client(a, state.clients().get(a), wanted.get(a), drift.get(a)));
        }
        List<UnmanagedFinding> unmanaged = plan.unmanaged().stream().map(u -> unmanaged(u, described.get(u.clientId())))
                .toList();
        List<PoolCoverage> pools = coverage(plan.unmanaged());
        List<Diagnostic> diagnostics = new ArrayList<>(live.diagnostics());
        // The planner's own errors (prevent_destroy and the like) are about apply, not drift.
        return new StackReport(stack, budget, clients, unmanaged, pools, List.of(), diagnostics);
    }

    private ClientFinding client(ClientAddress a, ClientRecord rec, DesiredClient dc, Drift drift) {
        var at = dc == null ? null : dc.at();
        if (rec == null) {
            String poolId = live.poolId(a.pool());
            if (poolId == null || live.unlisted().containsKey(poolId)) {
                GatewayError e = poolId == null ? GatewayError.NOT_FOUND : live.unlisted().get(poolId);
                return notChecked(a, poolId, null, NotCheckedReason.of(e, true),
                        poolId == null ? "pool " + a.pool() + " could not be resolved" : "pool " + poolId + " could not be listed", at);
            }
            FieldFinding f = whole(DifferenceType.ADD, "client-not-created", DriftSeverity.LOW, "exists", null);
            return finish(new ClientFinding(a, poolId, null, Status.MODIFIED, null, null, null, null, null, null,
                    List.of(f), at));
        }
        if (live.unlisted().containsKey(rec.poolId())) {
            GatewayError e = live.unlisted().get(rec.poolId());
            return notChecked(a, rec.poolId(), rec.clientId(), NotCheckedReason.of(e, true),
                    "pool " + rec.poolId() + " could not be listed (" + e.name().toLowerCase(java.util.Locale.ROOT) + ")", at);
        }
        if (!live.known(a)) {
            GatewayError e = live.unread().get(a);
            return notChecked(a, rec.poolId(), rec.clientId(), NotCheckedReason.of(e, false),
                    "client " + rec.clientId() + " could not be read" + (e == null ? "" : " (" + e.name().toLowerCase(java.util.Locale.ROOT) + ")"), at);
        }
        Optional<LiveClient> found = live.client(a);
        if (found.isEmpty()) {
            SeverityRules.Rule r = severities.clientRule("client-deleted", DriftSeverity.HIGH);
            ClientFinding deleted = new ClientFinding(a, rec.poolId(), rec.clientId(), Status.DELETED, null,
                    "client " + rec.clientId() + " was deleted outside cogform", r.severity(), r.id(), null, null,
                    List.of(), at);
            return ignore.match(stack, a, "").map(m -> deleted.with(Status.IGNORED, List.of(), m, null)).orElse(deleted);
        }
        AppClientSettings now = found.get().settings();
        List<FieldFinding> fields = new ArrayList<>();
        Set<AppClientField> drifted = new HashSet<>();
        if (drift != null) {
            for (AttributeDiff d : drift.diffs()) {
                drifted.add(d.field());
                fields.addAll(findings(Comparison.RECORDED, d));
            }
        }
        if (dc != null) {
            Set<AppClientField> skip = new HashSet<>(dc.lifecycle().ignoreChanges());
            skip.addAll(drifted);
            // As the planner does: Cognito adds the pool's required attributes to a non-empty write_attributes.
            AppClientSettings wanted = dc.settings().withRequiredWritable(live.requiredWritable(rec.poolId()));
            for (AttributeDiff d : AttributeDiff.between(wanted, now, skip)) {
                fields.addAll(findings(Comparison.DESIRED, d));
            }
        } else {
            fields.add(whole(DifferenceType.REMOVE, "client-not-removed", DriftSeverity.LOW, null, "exists"));
        }
        return finish(new ClientFinding(a, rec.poolId(), rec.clientId(), Status.MODIFIED, null, null, null, null, null,
                null, fields, at));
    }

    /** Ignore rules applied, and the status from what is left. */
    private ClientFinding finish(ClientFinding c) {
        List<FieldFinding> fields = c.fields().stream()
                .map(f -> ignore.match(stack, c.address(), f.path()).map(f::withIgnored).orElse(f)).toList();
        Status status = fields.isEmpty() ? Status.IN_SYNC
                : fields.stream().allMatch(FieldFinding::isIgnored) ? Status.IGNORED : Status.MODIFIED;
        IgnoreMatch whole = status == Status.IGNORED ? fields.get(0).ignored() : null;
        return c.with(status, fields, whole, null);
    }

    private ClientFinding notChecked(ClientAddress a, String poolId, String clientId, NotCheckedReason reason,
                                     String detail, dev.cogform.core.diag.SourcePosition at) {
        return new ClientFinding(a, poolId, clientId, Status.NOT_CHECKED, reason, detail, DriftSeverity.HIGH,
                "client-not-checked", null, null, List.of(), at);
    }

    private FieldFinding whole(DifferenceType type, String rule, DriftSeverity severity, Object expected, Object actual) {
        SeverityRules.Rule r = severities.clientRule(rule, severity);
        return new FieldFinding(Comparison.DESIRED, null, "", type, null, expected, actual, r.severity(), r.id(),
                null, null);
    }

    /**
     * One finding per set member added or removed; one NOT_EQUAL per struct member that differs
     * ({@code analytics.external_id}); one NOT_EQUAL for other kinds.
     */
    private List<FieldFinding> findings(Comparison comparison, AttributeDiff d) {
        AppClientField field = d.field();
        List<FieldFinding> out = new ArrayList<>();
        for (StructMember m : field.members()) {
            Object before = m.of(d.before());
            Object after = m.of(d.after());
            if (!Objects.equals(before, after)) {
                SeverityRules.Rule r = severities.rule(field, DifferenceType.NOT_EQUAL, null, before, after);
                out.add(new FieldFinding(comparison, field, field.key() + "." + m.key(), DifferenceType.NOT_EQUAL,
                        null, before, after, r.severity(), r.id(), null, null));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        if (field.kind() == AppClientField.Kind.SET) {
            for (String m : d.added()) {
                out.add(finding(comparison, d, DifferenceType.ADD, m));
            }
            for (String m : d.removed()) {
                out.add(finding(comparison, d, DifferenceType.REMOVE, m));
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        out.add(finding(comparison, d, DifferenceType.NOT_EQUAL, null));
        return out;
    }

    private FieldFinding finding(Comparison comparison, AttributeDiff d, DifferenceType type, String member) {
        SeverityRules.Rule r = severities.rule(d.field(), type, member, d.before(), d.after());
        return new FieldFinding(comparison, d.field(), d.field().key(), type, member, d.before(), d.after(),
                r.severity(), r.id(), null, null);
    }

    private UnmanagedFinding unmanaged(UnmanagedClient u, LiveClient c) {
        Boolean secret = c == null ? null : c.settings().generateSecret();
        Boolean machine = c == null ? null : c.settings().allowedOAuthFlows().contains("client_credentials");
        SeverityRules.Rule r = Boolean.TRUE.equals(secret) && Boolean.TRUE.equals(machine)
                ? severities.clientRule("unmanaged-machine-client", DriftSeverity.HIGH)
                : severities.clientRule("unmanaged-client", DriftSeverity.LOW);
        return new UnmanagedFinding(u.poolKey(), u.poolId(), u.clientId(), u.clientName(),
                c == null ? null : c.created(), secret, machine, r.severity(), r.id(), null);
    }

    private List<PoolCoverage> coverage(List<UnmanagedClient> unmanaged) {
        Map<String, String> keys = new HashMap<>();
        live.poolIds().forEach((key, id) -> keys.merge(id, key, (x, y) -> x.compareTo(y) <= 0 ? x : y));
        List<PoolCoverage> out = new ArrayList<>();
        live.listings().forEach((poolId, clients) -> {
            long loose = unmanaged.stream().filter(u -> u.poolId().equals(poolId)).count();
            out.add(new PoolCoverage(keys.get(poolId), poolId, (int) (clients.size() - loose), clients.size()));
        });
        out.sort(Comparator.comparing(PoolCoverage::poolId));
        return out;
    }
}

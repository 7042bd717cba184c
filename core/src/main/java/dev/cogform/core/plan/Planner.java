package dev.cogform.core.plan;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.FieldSources;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.diag.Diagnostics;
import dev.cogform.core.diag.Location;
import dev.cogform.core.live.ClientSummary;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.Durations;
import dev.cogform.core.model.SecretDescriptor;
import dev.cogform.core.refresh.LiveSnapshot;
import dev.cogform.core.rule.LiveChecks;
import dev.cogform.core.spec.RunRules;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.PendingCreate;
import dev.cogform.core.state.StateSnapshot;
import java.time.Duration;
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
import java.util.TreeMap;

/**
 * Makes a plan from the desired state, the recorded state and a live snapshot. A pure function: no
 * I/O, no clock; the same inputs give the same plan, digest included.
 *
 * <p>Order of reasoning per address: pending creates are resolved first (a live client an interrupted
 * apply made is adopted, never created twice); then drift (live vs recorded) is found; then the change
 * (desired vs live): create, update, replace, delete or no-op. {@code prevent_destroy}, from the state
 * or the YAML, turns a delete or replace into an error diagnostic.
 */
public final class Planner {

    /**
     * How long before a pending intent's time an adopted client's CreationDate may lie: Cognito's dates
     * have whole-second precision and the two clocks differ a little.
     */
    static final Duration ADOPTION_SKEW = Duration.ofSeconds(30);

    /** The rule of the warning that a create duplicates an unmanaged client's name; apply asks again on it. */
    public static final String DUPLICATE_NAME = RunRules.PLAN_DUPLICATE_NAME.id();

    private final DesiredState desired;
    private final StateSnapshot state;
    private final LiveSnapshot live;
    private final PlanOptions options;
    private final Diagnostics diagnostics = new Diagnostics();
    private final Map<ClientAddress, ClientRecord> records;
    /** The desired clients by address: {@link DesiredState#client} scans every client, too slow per address. */
    private final Map<ClientAddress, DesiredClient> wanted = new HashMap<>();
    private final Map<ClientAddress, LiveClient> adopted = new HashMap<>();
    /** Addresses whose client this plan imports ({@code import_id}); their change carries the id. */
    private final Set<ClientAddress> imported = new HashSet<>();
    private final Set<ClientAddress> blocked = new HashSet<>();
    private final List<ResourceChange> changes = new ArrayList<>();
    private final List<Drift> drift = new ArrayList<>();
    private final List<StateChange> stateChanges = new ArrayList<>();
    private final List<SecretChange> secretChanges = new ArrayList<>();

    private Planner(DesiredState desired, StateSnapshot state, LiveSnapshot live, PlanOptions options) {
        this.desired = desired;
        this.state = state;
        this.live = live;
        this.options = options;
        this.records = new TreeMap<>(state.clients());
        desired.clients().forEach(c -> wanted.putIfAbsent(c.address(), c));
    }

    public static Plan plan(DesiredState desired, StateSnapshot state, LiveSnapshot live, PlanOptions options) {
        return new Planner(desired, state, live, options).run();
    }

    private Plan run() {
        diagnostics.addAll(live.diagnostics());
        for (ClientAddress t : options.targets()) {
            if (wanted(t).isEmpty() && state.client(t).isEmpty()) {
                diagnostics.add(RunRules.PLAN_UNKNOWN_TARGET.diagnostic(t.toString(),
                        "--target " + t + " matches no client in cogform.yaml or in the state",
                        "write POOL.CLIENT as the keys appear in cogform.yaml", null));
            }
        }
        options.rotateSecrets().forEach(this::checkRotateTarget);
        state.pending().stream().filter(p -> options.inScope(p.address())).forEach(this::resolvePending);
        desired.clients().stream().filter(c -> options.inScope(c.address()) && !blocked.contains(c.address()))
                .forEach(this::planDesired);
        records.values().stream()
                .filter(r -> options.inScope(r.address()) && !blocked.contains(r.address())
                        && wanted(r.address()).isEmpty())
                .forEach(this::planRemoved);
        changes.sort(Comparator.comparing(ResourceChange::address).thenComparing(ResourceChange::action));
        drift.sort(Comparator.comparing(Drift::address));
        stateChanges.sort(Comparator.comparing(StateChange::address));
        secretChanges.sort(Comparator.comparing(SecretChange::address).thenComparing(SecretChange::kind, Comparator.reverseOrder()));
        boolean sandbox = desired.provider() != null && desired.provider().sandbox();
        List<UnmanagedClient> unmanaged = unmanaged();
        warnSameNames(unmanaged);
        Plan plan = new Plan(options.toolVersion(), options.createdAt(), live.refreshed(), sandbox, desired.digest(),
                StateBasis.of(state), options.targets(), changes, drift, stateChanges, unmanaged,
                diagnostics.sorted(), options.git(), sources(), null, secretChanges);
        return plan.withDigest(PlanFile.digest(plan));
    }

    /** The YAML lines of the clients this plan acts on, for reviews that link each field to its line. */
    private Map<ClientAddress, SourceLines> sources() {
        Map<ClientAddress, SourceLines> out = new TreeMap<>();
        for (ResourceChange c : changes) {
            DesiredClient dc = c.action() == Action.NO_OP ? null : wanted.get(c.address());
            if (dc == null || dc.at() == null) {
                continue;
            }
            Map<String, Integer> lines = new TreeMap<>();
            for (AttributeDiff d : c.diffs()) {
                var at = dc.sources().fields().get(d.field().key());
                if (at != null && at.at() != null) {
                    lines.put(d.field().key(), at.at().line());
                }
            }
            out.put(c.address(), new SourceLines(dc.at().file(), dc.at().line(), lines));
        }
        return out;
    }

    private Optional<DesiredClient> wanted(ClientAddress address) {
        return Optional.ofNullable(wanted.get(address));
    }

    private void resolvePending(PendingCreate p) {
        ClientAddress address = p.address();
        if (!live.refreshed()) {
            blocked.add(address);
            diagnostics.add(RunRules.PLAN_PENDING_NEEDS_REFRESH.diagnostic(address.toString(),
                    "an earlier apply was interrupted while creating " + address
                            + "; its outcome can only be found by reading Cognito",
                    "plan without --refresh=false", null));
            return;
        }
        if (!live.listings().containsKey(p.poolId())) {
            blocked.add(address); // the listing failed; a diagnostic says why
            return;
        }
        Set<String> managedIds = new HashSet<>();
        records.values().forEach(r -> managedIds.add(r.clientId()));
        List<ClientSummary> named = live.listing(p.poolId()).stream()
                .filter(s -> s.clientName().equals(p.clientName()) && !managedIds.contains(s.clientId()))
                .toList();
        Optional<LiveClient> match = match(p, named);
        if (match == null) {
            blocked.add(address);
            return;
        }
        if (match.isEmpty()) {
            if (options.createdAt().isBefore(p.answerBy()) && mayBeInFlight(p, managedIds)) {
                // The create may still land: creating again now is how duplicates are made.
                blocked.add(address);
                diagnostics.add(RunRules.PLAN_PENDING_IN_DOUBT.diagnostic(address.toString(),
                        "the create of " + address + " (client name \"" + p.clientName() + "\" in pool " + p.poolId()
                                + ") sent at " + p.at() + " got no answer, and no client of that name is there yet;"
                                + " it may still land until " + p.answerBy() + " (request timeout "
                                + p.timeout().toSeconds() + " s plus " + p.margin().toSeconds() + " s)",
                        "plan again after " + p.answerBy() + "; if you are sure the create never reached Cognito,"
                                + " run: " + desired.command("state forget-pending " + address), null));
                return;
            }
            stateChanges.add(new StateChange(StateChange.Kind.FORGET_PENDING, address, null));
            return;
        }
        LiveClient client = match.get();
        ClientRecord old = records.get(address);
        if (old != null && !old.clientId().equals(client.clientId())) {
            // An interrupted replacement: the new client exists, the old one may too. Finish the
            // replacement by deleting it, so no second client of that name is left behind.
            live.client(address).ifPresent(o -> changes.add(new ResourceChange.Delete(address,
                    ActionReason.DELETE_BECAUSE_REPLACED,
                    new PriorClient(old.poolId(), old.clientId(), o.settings(), o.fingerprint()), false)));
        }
        boolean protect = wanted(address).map(c -> c.lifecycle().preventDestroy())
                .orElse(old != null && old.preventDestroy());
        ClientRecord record = new ClientRecord(address, client.poolId(), client.clientId(), client.settings().clientName(),
                client.settings(), client.fingerprint(), protect, options.createdAt());
        records.put(address, record);
        adopted.put(address, client);
        stateChanges.add(new StateChange(StateChange.Kind.ADOPT, address, record));
    }

    /**
     * Whether {@code p}'s create may have been sent and still land. Intents saved together (one pool, one
     * time: a batch) are sent in their order, each once the one before was answered, so when a later one
     * of them made a client, every earlier one was answered already, and only the one right after the last
     * that made a client can have been in flight; the rest were never sent.
     */
    private boolean mayBeInFlight(PendingCreate p, Set<String> managedIds) {
        List<PendingCreate> batch = state.batchOf(p);
        int lastLanded = -1;
        for (int i = 0; i < batch.size(); i++) {
            if (landed(batch.get(i), managedIds)) {
                lastLanded = i;
            }
        }
        return batch.indexOf(p) == lastLanded + 1;
    }

    /** Whether an unmanaged client with {@code q}'s name, created since {@code q}, is listed (and described). */
    private boolean landed(PendingCreate q, Set<String> managedIds) {
        if (adopted.containsKey(q.address())) {
            return true;
        }
        Instant earliest = q.at().minus(ADOPTION_SKEW);
        return live.listing(q.poolId()).stream()
                .filter(s -> s.clientName().equals(q.clientName()) && !managedIds.contains(s.clientId()))
                .map(s -> live.candidates().get(s.clientId()))
                .anyMatch(c -> c != null && (c.created() == null || !c.created().isBefore(earliest)));
    }

    /** The client the pending create made; empty when none; null when it cannot be told (diagnosed). */
    private Optional<LiveClient> match(PendingCreate p, List<ClientSummary> named) {
        List<LiveClient> described = named.stream().map(s -> live.candidates().get(s.clientId()))
                .filter(Objects::nonNull).toList();
        if (described.size() < named.size()) {
            return null; // a describe failed; a diagnostic says why
        }
        if (described.stream().anyMatch(c -> c.created() != null)) {
            Instant earliest = p.at().minus(ADOPTION_SKEW);
            return described.stream().filter(c -> c.created() != null && !c.created().isBefore(earliest))
                    .min(Comparator.comparing(LiveClient::created));
        }
        if (described.size() > 1) {
            diagnostics.add(RunRules.PLAN_PENDING_AMBIGUOUS.diagnostic(p.address().toString(),
                    "an earlier apply was interrupted while creating " + p.address() + ", and pool " + p.poolId()
                            + " has " + described.size() + " unmanaged clients named \"" + p.clientName()
                            + "\" without creation dates, so cogform cannot tell which one it made",
                    "delete the extra clients by hand and plan again", null));
            return null;
        }
        return described.stream().findFirst();
    }

    private void planDesired(DesiredClient dc) {
        ClientAddress address = dc.address();
        String poolId = live.poolId(address.pool());
        if (poolId == null) {
            return; // the pool could not be resolved; a diagnostic says why
        }
        boolean protect = dc.lifecycle().preventDestroy();
        AppClientSettings desiredSettings = asCognitoStores(dc, poolId);
        ClientRecord rec = records.get(address);
        if (dc.importId() != null) {
            if (rec == null) {
                if (!planImport(dc, poolId)) {
                    return;
                }
                rec = records.get(address);
            } else if (!rec.clientId().equals(dc.importId())) {
                diagnostics.add(RunRules.IMPORT_CONFLICT.diagnostic(DesiredClient.path(address) + ".import_id",
                        address + " already manages client " + rec.clientId() + ", but import_id names client "
                                + dc.importId(),
                        "remove import_id (the import is done), or run '" + desired.command("state rm " + address)
                                + "' first to manage client " + dc.importId() + " instead",
                        dc.sources().locate("import_id").at()));
                return;
            }
        }
        if (rec == null) {
            duplicateName(dc, poolId);
            changes.add(create(desiredSettings, address, poolId, ActionReason.CREATE_BECAUSE_NOT_IN_STATE, null, protect));
            return;
        }
        if (!adopted.containsKey(address) && !live.known(address)) {
            return; // the read failed; a diagnostic says why
        }
        Optional<LiveClient> found = Optional.ofNullable(adopted.get(address)).or(() -> live.client(address));
        if (found.isEmpty()) {
            drift.add(new Drift(address, rec.poolId(), rec.clientId(), Drift.Kind.DELETED, List.of()));
            changes.add(create(desiredSettings, address, poolId, ActionReason.CREATE_BECAUSE_DELETED_OUTSIDE,
                    new DeletedClient(rec.poolId(), rec.clientId()), protect));
            return;
        }
        LiveClient l = found.get();
        Set<AppClientField> ignored = dc.lifecycle().ignoreChanges();
        List<AttributeDiff> drifted = adopted.containsKey(address) ? List.of()
                : diff(rec.applied(), l.settings(), ignored, null);
        if (!drifted.isEmpty()) {
            drift.add(new Drift(address, rec.poolId(), rec.clientId(), Drift.Kind.MODIFIED, drifted));
        }
        AppClientSettings.Builder merged = desiredSettings.toBuilder();
        ignored.forEach(f -> f.copy(merged, l.settings()));
        AppClientSettings after = merged.build();
        List<AttributeDiff> diffs = diff(l.settings(), after, Set.of(), dc.sources());
        ActionReason reason;
        if (!poolId.equals(rec.poolId())) {
            reason = ActionReason.REPLACE_BECAUSE_POOL_CHANGED;
        } else if (diffs.stream().anyMatch(AttributeDiff::forcesReplacement)) {
            reason = ActionReason.REPLACE_BECAUSE_CREATE_ONLY_FIELD;
        } else if (!diffs.isEmpty()) {
            reason = ActionReason.UPDATE_BECAUSE_SETTINGS_DIFFER;
        } else {
            reason = ActionReason.IN_SYNC;
            recordOnly(rec, l, protect, !drifted.isEmpty());
        }
        PriorClient prior = new PriorClient(rec.poolId(), rec.clientId(), l.settings(), l.fingerprint());
        if (reason.action() != Action.REPLACE) {
            planSecrets(dc, rec); // a replacement's new client has a new secret anyway
        }
        changes.add(switch (reason.action()) {
            case REPLACE -> {
                if (rec.preventDestroy() || protect) {
                    refuseDestroy(address, rec, "replace", true);
                }
                yield new ResourceChange.Replace(address, reason, poolId, prior, after, diffs, protect);
            }
            case UPDATE -> new ResourceChange.Update(address, prior, after, diffs, protect, importing(address));
            case NO_OP -> new ResourceChange.NoOp(address, prior, after, protect, importing(address));
            case CREATE, DELETE -> throw new IllegalStateException(reason + " for an existing client " + address);
        });
    }

    /**
     * Imports the client {@code import_id} names: records it with its live settings as applied (a state
     * change the applier writes before any Cognito call), so that the address's change is planned from
     * the live client like any managed one. False, with an error, when it cannot be imported.
     */
    private boolean planImport(DesiredClient dc, String poolId) {
        ClientAddress address = dc.address();
        String id = dc.importId();
        var at = dc.sources().locate("import_id");
        if (!live.refreshed()) {
            diagnostics.add(RunRules.IMPORT_NEEDS_REFRESH.diagnostic(at.path(),
                    "importing client " + id + " into " + address + " needs its live settings",
                    "plan without --refresh=false", at.at()));
            return false;
        }
        Optional<ClientRecord> owner = records.values().stream().filter(r -> r.clientId().equals(id)).findFirst();
        if (owner.isPresent()) {
            diagnostics.add(RunRules.IMPORT_ALREADY_MANAGED.diagnostic(at.path(),
                    "client " + id + " is already managed by " + owner.get().address() + "; one client cannot stand for"
                            + " two addresses",
                    "remove import_id from " + address + ", or '" + desired.command("state mv " + owner.get().address()
                            + " " + address) + "' to move it", at.at()));
            return false;
        }
        LiveClient client = live.candidates().get(id);
        if (client == null || !client.poolId().equals(poolId)) {
            if (!live.listings().containsKey(poolId)) {
                return false; // the listing failed; a diagnostic says why
            }
            String elsewhere = live.listings().entrySet().stream()
                    .filter(e -> !e.getKey().equals(poolId) && e.getValue().stream().anyMatch(s -> s.clientId().equals(id)))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            diagnostics.add(RunRules.IMPORT_NOT_FOUND.diagnostic(at.path(),
                    "client " + id + " does not exist in pool " + poolId + ", the pool of " + address
                            + (elsewhere != null ? " (it is in pool " + elsewhere + ")" : ""),
                    elsewhere != null ? "import it under a client of the pool that holds it"
                            : "check the id with 'cogform generate --pool " + address.pool() + "' or the console",
                    at.at()));
            return false;
        }
        List<AttributeDiff> createOnly = diff(client.settings(), dc.settings(), Set.of(), null).stream()
                .filter(AttributeDiff::forcesReplacement).toList();
        if (!createOnly.isEmpty()) {
            AttributeDiff d = createOnly.get(0);
            diagnostics.add(RunRules.IMPORT_CREATE_ONLY.diagnostic(DesiredClient.path(address) + "." + d.field().key(),
                    "client " + id + " has " + d.field().key() + ": " + d.before() + ", but cogform.yaml says "
                            + d.after() + "; it can only be set when a client is created, so importing it cannot change it",
                    "write " + d.field().key() + ": " + d.before() + " to import the client as it is",
                    dc.sources().locate(d.field().key()).at()));
            return false;
        }
        ClientRecord record = new ClientRecord(address, poolId, id, client.settings().clientName(), client.settings(),
                client.fingerprint(), dc.lifecycle().preventDestroy(), options.createdAt());
        records.put(address, record);
        adopted.put(address, client);
        imported.add(address);
        stateChanges.add(new StateChange(StateChange.Kind.IMPORT, address, record));
        return true;
    }

    private String importing(ClientAddress address) {
        return imported.contains(address) ? records.get(address).clientId() : null;
    }

    /**
     * Cognito allows two clients of one name, but a user almost never wants a second one: a create whose
     * name an unmanaged client of the pool already has is a warning suggesting {@code import_id}.
     */
    private void duplicateName(DesiredClient dc, String poolId) {
        if (!live.refreshed()) {
            return;
        }
        Set<String> managedIds = new HashSet<>();
        records.values().forEach(r -> managedIds.add(r.clientId()));
        live.listing(poolId).stream()
                .filter(s -> s.clientName().equals(dc.settings().clientName()) && !managedIds.contains(s.clientId()))
                .min(Comparator.comparing(ClientSummary::clientId))
                .ifPresent(s -> diagnostics.add(RunRules.PLAN_DUPLICATE_NAME.diagnostic(DesiredClient.path(dc.address()),
                        "pool " + poolId + " already has a client named \"" + s.clientName() + "\" (client "
                                + s.clientId() + ") that cogform does not manage; this plan creates a second one",
                        "to adopt it instead, add import_id: " + s.clientId() + " to " + dc.address()
                                + "; apply asks again before creating a duplicate", dc.at())));
    }

    /**
     * The client's desired settings as Cognito will store them in the pool: the pool's required
     * attributes join a non-empty write_attributes (warned about when the YAML leaves them out), so
     * that they are not diffed away forever.
     */
    private AppClientSettings asCognitoStores(DesiredClient dc, String poolId) {
        Set<String> required = live.requiredWritable(poolId);
        LiveChecks.requiredWritable(dc, required, poolId).ifPresent(diagnostics::add);
        return dc.settings().withRequiredWritable(required);
    }

    /** {@code --rotate-secret ADDRESS}: a managed client of the YAML, with a secret, in scope. */
    private void checkRotateTarget(ClientAddress address) {
        Optional<DesiredClient> dc = wanted(address);
        String problem = null;
        if (dc.isEmpty()) {
            problem = address + " is not a client of cogform.yaml";
        } else if (!dc.get().settings().generateSecret()) {
            problem = address + " has no client secret (generate_secret: false), so there is none to rotate";
        } else if (state.client(address).isEmpty()) {
            problem = address + " is not managed yet; its client gets a new secret when it is created";
        } else if (!options.inScope(address)) {
            problem = address + " is outside --target";
        } else if (!live.refreshed()) {
            diagnostics.add(RunRules.SECRET_NEEDS_REFRESH.diagnostic(address.toString(),
                    "rotating the secret of " + address + " needs its secrets as Cognito lists them now",
                    "plan without --refresh=false", null));
            return;
        }
        if (problem != null) {
            diagnostics.add(RunRules.SECRET_ROTATE_TARGET.diagnostic(address.toString(),
                    "--rotate-secret " + address + ": " + problem,
                    "name a managed client of cogform.yaml with generate_secret: true", null));
        }
    }

    /**
     * The secret steps of a managed client that keeps its id: the older of two secrets is deleted once
     * the newest has been the newest for {@code overlap}; a new one is added once the newest is
     * {@code every} old, or now for {@code --rotate-secret}, but never as a third. Secrets that moved on
     * since the state recorded them (an apply interrupted after adding one) are recorded first.
     */
    private void planSecrets(DesiredClient dc, ClientRecord rec) {
        ClientAddress address = dc.address();
        var rotation = dc.secretRotation();
        boolean requested = options.rotateSecrets().contains(address);
        if (rotation == null && !requested || !dc.settings().generateSecret()) {
            return;
        }
        Optional<List<SecretDescriptor>> listed = live.secrets(address);
        if (listed.isEmpty()) {
            return; // not refreshed (requested: diagnosed), or the listing failed (diagnosed)
        }
        List<SecretDescriptor> secrets = listed.get();
        if (secrets.isEmpty()) {
            return; // Cognito lists none for a client with a secret: nothing to age
        }
        if (!rec.secrets().isEmpty() && !rec.secrets().equals(secrets)) {
            stateChanges.add(new StateChange(StateChange.Kind.RECORD_SECRETS, address, rec.withSecrets(secrets)));
        }
        SecretDescriptor newest = secrets.get(secrets.size() - 1);
        Duration age = Duration.between(newest.created(), options.createdAt());
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        int after = secrets.size();
        if (rotation != null && after >= 2 && age.getSeconds() >= rotation.overlapSeconds()) {
            for (SecretDescriptor old : secrets.subList(0, secrets.size() - 1)) {
                secretChanges.add(new SecretChange(address, SecretChange.Kind.DELETE_OLD,
                        SecretChange.Reason.OVERLAP_OVER, rec.poolId(), rec.clientId(), secrets, old.id(), age));
                after--;
            }
        }
        boolean due = rotation != null && age.getSeconds() >= rotation.everySeconds();
        if (!requested && !due) {
            return;
        }
        if (after >= 2) {
            var at = rotation != null ? dc.sources().locate("secret_rotation") : null;
            String wait = rotation == null ? ""
                    : "; the older one is deleted once the newest is " + Durations.format(rotation.overlapSeconds())
                            + " old (it is " + age.toDays() + " days old)";
            diagnostics.add(RunRules.SECRET_LIMIT.diagnostic(at != null ? at.path() : address.toString(),
                    address + " (" + rec.clientId() + ") has two client secrets already (" + secrets.get(0).id() + ", "
                            + newest.id() + "), and Cognito keeps at most two: a rotation now would need a third",
                    "wait for the older secret to be deleted" + wait + ", or delete it by hand with"
                            + " DeleteUserPoolClientSecret once no consumer uses it", at != null ? at.at() : null));
            return;
        }
        secretChanges.add(new SecretChange(address, SecretChange.Kind.ROTATE,
                requested ? SecretChange.Reason.REQUESTED : SecretChange.Reason.AGE, rec.poolId(), rec.clientId(),
                secrets, null, age));
    }

    /** A no-op may still change the record: live changes that match the YAML, or prevent_destroy. */
    private void recordOnly(ClientRecord rec, LiveClient l, boolean protect, boolean drifted) {
        boolean protectChanged = rec.preventDestroy() != protect;
        if (!drifted && !protectChanged) {
            return;
        }
        ClientRecord next = new ClientRecord(rec.address(), rec.poolId(), rec.clientId(), l.settings().clientName(),
                drifted ? l.settings() : rec.applied(), drifted ? l.fingerprint() : rec.liveFingerprint(), protect,
                drifted ? options.createdAt() : rec.appliedAt(), rec.secrets());
        if (drifted) {
            stateChanges.add(new StateChange(StateChange.Kind.RECORD_LIVE, rec.address(), next));
        }
        if (protectChanged) {
            stateChanges.add(new StateChange(StateChange.Kind.RECORD_PREVENT_DESTROY, rec.address(), next));
        }
    }

    private void planRemoved(ClientRecord rec) {
        ClientAddress address = rec.address();
        if (!adopted.containsKey(address) && !live.known(address)) {
            return; // the read failed; a diagnostic says why
        }
        Optional<LiveClient> found = Optional.ofNullable(adopted.get(address)).or(() -> live.client(address));
        if (found.isEmpty()) {
            // Already gone: the delete only forgets it, so prevent_destroy has nothing to protect.
            drift.add(new Drift(address, rec.poolId(), rec.clientId(), Drift.Kind.DELETED, List.of()));
            changes.add(new ResourceChange.Delete(address, ActionReason.DELETE_BECAUSE_REMOVED_FROM_DESIRED,
                    new PriorClient(rec.poolId(), rec.clientId(), rec.applied(), null), false));
            return;
        }
        LiveClient l = found.get();
        List<AttributeDiff> drifted = adopted.containsKey(address) ? List.of()
                : diff(rec.applied(), l.settings(), Set.of(), null);
        if (!drifted.isEmpty()) {
            drift.add(new Drift(address, rec.poolId(), rec.clientId(), Drift.Kind.MODIFIED, drifted));
        }
        if (rec.preventDestroy()) {
            refuseDestroy(address, rec, "delete", false);
        }
        changes.add(new ResourceChange.Delete(address, ActionReason.DELETE_BECAUSE_REMOVED_FROM_DESIRED,
                new PriorClient(rec.poolId(), rec.clientId(), l.settings(), l.fingerprint()), rec.preventDestroy()));
    }

    private void refuseDestroy(ClientAddress address, ClientRecord rec, String verb, boolean inYaml) {
        String hint = inYaml
                ? "to allow it, first set lifecycle.prevent_destroy: false with no other change to this client and"
                        + " apply, then make the change"
                : "the state records prevent_destroy for it; to delete it, put it back in cogform.yaml with"
                        + " lifecycle.prevent_destroy: false, apply, then remove it";
        // Where the YAML sets it (the client, or its pool's defaults); for a client gone from the YAML, no place.
        Location where = wanted(address).map(c -> c.sources().locate("lifecycle.prevent_destroy"))
                .orElse(new Location(DesiredClient.path(address) + ".lifecycle.prevent_destroy", null));
        diagnostics.add(RunRules.PREVENT_DESTROY.diagnostic(where.path(),
                "client " + address + " (" + rec.clientId() + ") has lifecycle.prevent_destroy set, but this plan would "
                        + verb + " it", hint, where.at()));
    }

    private static ResourceChange create(AppClientSettings settings, ClientAddress address, String poolId,
                                         ActionReason reason, DeletedClient deletedOutside, boolean protect) {
        AppClientSettings defaults = AppClientSettings.defaults(settings.clientName());
        List<AttributeDiff> diffs = new ArrayList<>();
        diffs.add(new AttributeDiff(AppClientField.NAME, null, settings.clientName()));
        diffs.addAll(diff(defaults, settings, Set.of(AppClientField.NAME), null));
        return new ResourceChange.Create(address, reason, poolId, settings, diffs, protect, deletedOutside);
    }

    /**
     * Field by field, in {@link AppClientField} order. With {@code sources} (where the YAML wrote each
     * field), a change to Cognito's default of a field the YAML leaves out is marked as an implied reset;
     * a field the YAML sets is never one, even when it sets the default.
     */
    static List<AttributeDiff> diff(AppClientSettings before, AppClientSettings after, Set<AppClientField> skip,
                                    FieldSources sources) {
        AppClientSettings defaults = AppClientSettings.defaults(after.clientName());
        List<AttributeDiff> out = new ArrayList<>();
        for (AppClientField f : AppClientField.values()) {
            if (skip.contains(f)) {
                continue;
            }
            Object b = f.get(before);
            Object a = f.get(after);
            if (!Objects.equals(b, a)) {
                boolean reset = sources != null && f != AppClientField.NAME && !f.createOnly()
                        && Objects.equals(a, f.get(defaults)) && !written(sources, f);
                out.add(new AttributeDiff(f, b, a, reset));
            }
        }
        return out;
    }

    /**
     * An unmanaged client named like a managed, pending or planned client of its pool is most likely a
     * duplicate (a create that landed twice, or a copy made by hand); cogform never deletes it, so it says so.
     */
    private void warnSameNames(List<UnmanagedClient> unmanaged) {
        Map<List<String>, ClientAddress> names = new HashMap<>();
        records.values().forEach(r -> names.putIfAbsent(List.of(r.poolId(), r.clientName()), r.address()));
        state.pending().forEach(p -> names.putIfAbsent(List.of(p.poolId(), p.clientName()), p.address()));
        // A planned create named like an unmanaged client has its own warning, plan.duplicate-name, which
        // suggests import_id; this one is for clients cogform already manages or has asked Cognito for.
        // Creates have plan.duplicate-name, and a client an import_id names is known to be there.
        Set<ClientAddress> creating = new HashSet<>();
        changes.forEach(c -> {
            if (c.action() == Action.CREATE) {
                creating.add(c.address());
            }
        });
        Set<String> importing = new HashSet<>();
        desired.clients().forEach(dc -> {
            if (dc.importId() != null) {
                importing.add(dc.importId());
            }
        });
        for (UnmanagedClient u : unmanaged) {
            ClientAddress same = names.get(List.of(u.poolId(), u.clientName()));
            if (same != null && !creating.contains(same) && !importing.contains(u.clientId())) {
                diagnostics.add(RunRules.PLAN_UNMANAGED_SAME_NAME.diagnostic(same.toString(),
                        "client " + u.clientId() + " in pool " + u.poolId() + " is not managed by cogform but is named \""
                                + u.clientName() + "\" like " + same + "; it may be a duplicate",
                        "if nothing uses it, delete it in Cognito; cogform never deletes clients it does not manage",
                        null));
            }
        }
    }

    /** Whether the YAML (or its pool's defaults) writes {@code f} or any member of it. */
    private static boolean written(FieldSources sources, AppClientField f) {
        String key = f.key();
        return sources.given(key) || sources.fields().keySet().stream().anyMatch(k -> k.startsWith(key + "."));
    }

    private List<UnmanagedClient> unmanaged() {
        if (!live.refreshed()) {
            return List.of();
        }
        Set<String> managedIds = new HashSet<>();
        records.values().forEach(r -> managedIds.add(r.clientId()));
        // Such as the old client of an interrupted replacement, or one deleted outside (listings lag behind).
        for (ResourceChange c : changes) {
            c.existing().ifPresent(p -> managedIds.add(p.clientId()));
            if (c instanceof ResourceChange.Create create && create.deletedOutside() != null) {
                managedIds.add(create.deletedOutside().clientId());
            }
        }
        Map<String, String> keys = new HashMap<>();
        live.poolIds().forEach((key, id) -> keys.merge(id, key, (a, b) -> a.compareTo(b) <= 0 ? a : b));
        List<UnmanagedClient> out = new ArrayList<>();
        live.listings().forEach((poolId, clients) -> clients.stream()
                .filter(s -> !managedIds.contains(s.clientId()))
                .forEach(s -> out.add(new UnmanagedClient(keys.get(poolId), poolId, s.clientId(), s.clientName()))));
        out.sort(Comparator.comparing(UnmanagedClient::poolId).thenComparing(UnmanagedClient::clientName)
                .thenComparing(UnmanagedClient::clientId));
        return out;
    }
}

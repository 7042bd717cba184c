package dev.cogform.core.apply;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.Durations;
import dev.cogform.core.model.SecretDescriptor;
import dev.cogform.core.plan.Action;
import dev.cogform.core.plan.AttributeDiff;
import dev.cogform.core.plan.SecretChange;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PriorClient;
import dev.cogform.core.plan.ResourceChange;
import dev.cogform.core.plan.StateChange;
import dev.cogform.core.spec.RunRules;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.PendingCreate;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Applies a plan's changes. Writes to one pool go one at a time (Cognito refuses concurrent client
 * updates in a pool); pools proceed in parallel. Creates go in batches of up to {@value #CREATE_BATCH}
 * per pool: the intents of a batch are saved in one write before any of its creates is sent, and their
 * client ids in one write after the batch, so a crash in between leaves intents that the next plan
 * resolves by adopting the client it finds by name, instead of creating a duplicate. Every other step
 * is saved as it completes. After the first failure no new change starts; changes in
 * flight finish, and the result says what was done, what failed and what was not attempted.
 */
public final class Applier {

    /** Cognito answers that leave no doubt the create did not happen, so the intent can go. */
    private static final Set<GatewayError> DEFINITELY_NOT_CREATED = Set.of(GatewayError.INVALID_PARAMETER,
            GatewayError.LIMIT_EXCEEDED, GatewayError.ACCESS_DENIED, GatewayError.NOT_FOUND);

    /**
     * Pools written in parallel by default (writes within a pool are always one at a time). High
     * enough that every pool of a usual stack is written at once: Cognito allows 5 writes a second
     * per pool but 15 per account, and a pool left for later would be written alone at the per-pool
     * rate. The gateway's rate limiter, not this number, keeps to the quotas.
     */
    public static final int DEFAULT_PARALLELISM = 16;

    /**
     * Creates whose intents and results share one state write each. Each write rewrites the whole
     * state, so one per create makes a large apply bound by encoding and fsync, not by Cognito's rate;
     * ten is about three seconds of one pool's creates at Cognito's rates.
     */
    static final int CREATE_BATCH = 10;

    private static final Comparator<ResourceChange> ORDER = Comparator
            .comparing((ResourceChange c) -> c.action().ordinal()).thenComparing(ResourceChange::address);

    private final CognitoGateway gateway;
    private final StateStore store;
    private final Clock clock;
    private final ApplyListener listener;
    private final int parallelism;
    private final Map<String, ReentrantLock> poolLocks = new ConcurrentHashMap<>();

    public Applier(CognitoGateway gateway, StateStore store, Clock clock, ApplyListener listener, int parallelism) {
        this.gateway = gateway;
        this.store = store;
        this.clock = clock;
        this.listener = listener;
        this.parallelism = Math.max(1, parallelism);
    }

    /**
     * Applies {@code plan} on top of {@code current}, the snapshot it was made from, which must still
     * be the stored one. Refuses a plan with errors.
     */
    public ApplyResult apply(Plan plan, StateSnapshot current) {
        if (plan.errored()) {
            throw new IllegalArgumentException("the plan has errors and cannot be applied");
        }
        Recorder recorder = new Recorder(current);
        List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
        if (!plan.stateChanges().isEmpty()) {
            try {
                recorder.update(s -> withStateChanges(s, plan.stateChanges()));
            } catch (RuntimeException e) {
                diagnostics.add(RunRules.APPLY_STATE_WRITE_FAILED.diagnostic(null,
                        "recording the state changes failed: " + e.getMessage(), "nothing was applied", null));
                List<Outcome> skipped = plan.actions().stream().map(c -> notAttempted(c)).toList();
                List<SecretOutcome> secretsSkipped = plan.secretChanges().stream().map(Applier::notAttempted).toList();
                return new ApplyResult(skipped, 0, diagnostics, recorder.current().version(), secretsSkipped);
            }
        }
        Map<String, List<ResourceChange>> byPool = new LinkedHashMap<>();
        plan.actions().stream().sorted(ORDER)
                .forEach(c -> byPool.computeIfAbsent(c.poolId(), k -> new ArrayList<>()).add(c));
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean failed = new AtomicBoolean();
        if (!byPool.isEmpty()) {
            ExecutorService workers = Executors.newFixedThreadPool(Math.min(parallelism, byPool.size()), daemon());
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (List<ResourceChange> pool : byPool.values()) {
                    runs.add(workers.submit(() -> {
                        int batchEnd = 0;
                        List<Outcome> batch = new ArrayList<>(); // creates done whose ids are not saved yet
                        for (int i = 0; i < pool.size(); i++) {
                            ResourceChange change = pool.get(i);
                            if (failed.get()) {
                                outcomes.add(notAttempted(change));
                                if (change.action() == Action.CREATE && i < batchEnd) {
                                    // Its intent went out with its batch, but it was never sent.
                                    recorder.defer(s -> s.withoutPending(change.address()));
                                }
                                continue;
                            }
                            if (change.action() == Action.CREATE && i >= batchEnd) {
                                batchEnd = recordIntents(pool, i, recorder);
                            }
                            Outcome outcome = execute(change, recorder);
                            if (outcome.status() == Outcome.Status.FAILED) {
                                failed.set(true);
                            }
                            (i < batchEnd ? batch : outcomes).add(outcome);
                            if (i + 1 == batchEnd) {
                                outcomes.addAll(saveBatch(batch, recorder, failed));
                                batch.clear();
                            }
                        }
                        outcomes.addAll(saveBatch(batch, recorder, failed));
                    }));
                }
                for (Future<?> run : runs) {
                    await(run);
                }
            } finally {
                workers.shutdownNow();
            }
        }
        try {
            recorder.flush();
        } catch (RuntimeException e) {
            diagnostics.add(RunRules.APPLY_STATE_WRITE_FAILED.diagnostic(null,
                    "recording the results of the last creates failed: " + e.getMessage(),
                    "the clients exist; the next plan finds them by name and adopts them", null));
        }
        outcomes.forEach(o -> diagnostics.addAll(o.warnings()));
        List<Outcome> sorted = outcomes.stream().sorted(Comparator.comparing(Outcome::address)).toList();
        List<SecretOutcome> secretOutcomes = new ArrayList<>();
        for (SecretChange change : plan.secretChanges()) {
            if (failed.get()) {
                secretOutcomes.add(notAttempted(change));
                continue;
            }
            SecretOutcome outcome = secretStep(change, recorder);
            if (outcome.status() == Outcome.Status.FAILED) {
                failed.set(true);
            }
            secretOutcomes.add(outcome);
        }
        return new ApplyResult(sorted, plan.stateChanges().size(), diagnostics, recorder.current().version(),
                secretOutcomes);
    }

    /**
     * One secret step, listing the client's secrets first: a rotation whose plan saw fewer secrets than
     * there are now, with the extra one made after the plan, was carried out by an apply interrupted
     * before its state write, so that secret is recorded and no other is added (Cognito would refuse a
     * third anyway). The state records ids and dates after every step, never values.
     */
    private SecretOutcome secretStep(SecretChange change, Recorder recorder) {
        String poolId = change.poolId();
        String clientId = change.clientId();
        try {
            List<SecretDescriptor> now = inPool(poolId, () -> gateway.listSecrets(poolId, clientId));
            String id;
            boolean adopted = false;
            if (change.kind() == SecretChange.Kind.ROTATE) {
                List<SecretDescriptor> extra = now.stream().filter(d -> !change.seen().contains(d)).toList();
                if (extra.isEmpty()) {
                    id = inPool(poolId, () -> gateway.addSecret(poolId, clientId)).id();
                    now = inPool(poolId, () -> gateway.listSecrets(poolId, clientId));
                } else if (extra.size() == 1 && now.containsAll(change.seen())) {
                    id = extra.get(0).id();
                    adopted = true;
                } else {
                    return new SecretOutcome(change.address(), change.kind(), Outcome.Status.FAILED, null, false,
                            "the secrets of client " + clientId + " changed since the plan (now "
                                    + now.stream().map(SecretDescriptor::id).toList() + "); plan again");
                }
            } else {
                id = change.secretId();
                if (now.stream().anyMatch(d -> d.id().equals(id))) {
                    inPool(poolId, () -> {
                        gateway.deleteSecret(poolId, clientId, id);
                        return null;
                    });
                    now = now.stream().filter(d -> !d.id().equals(id)).toList();
                } else {
                    adopted = true; // already deleted, by an interrupted apply or by hand
                }
            }
            List<SecretDescriptor> recorded = now;
            recorder.update(s -> s.client(change.address())
                    .filter(r -> r.clientId().equals(clientId))
                    .map(r -> s.withClient(r.withSecrets(recorded)))
                    .orElse(s));
            return new SecretOutcome(change.address(), change.kind(), Outcome.Status.DONE, id, adopted, null);
        } catch (GatewayException e) {
            return new SecretOutcome(change.address(), change.kind(), Outcome.Status.FAILED, null, false, message(e));
        } catch (RuntimeException e) {
            return new SecretOutcome(change.address(), change.kind(), Outcome.Status.FAILED, null, false,
                    String.valueOf(e.getMessage() != null ? e.getMessage() : e));
        }
    }

    private static SecretOutcome notAttempted(SecretChange change) {
        return new SecretOutcome(change.address(), change.kind(), Outcome.Status.NOT_ATTEMPTED, null, false,
                "not attempted because an earlier change failed");
    }

    /**
     * Saves the client ids of a batch's creates; when that write fails, the creates that were done are
     * reported failed (their clients exist, and the next plan adopts them by their intents).
     */
    private static List<Outcome> saveBatch(List<Outcome> batch, Recorder recorder, AtomicBoolean failed) {
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            recorder.flush();
            return List.copyOf(batch);
        } catch (RuntimeException e) {
            failed.set(true);
            recorder.dropDeferred();
            return batch.stream().map(o -> o.status() != Outcome.Status.DONE ? o
                    : new Outcome(o.address(), o.action(), Outcome.Status.FAILED, o.clientId(), "created client "
                            + o.clientId() + ", but saving its id in the state failed: " + e.getMessage()
                            + "; the next plan finds it by name and adopts it", o.warnings())).toList();
        }
    }

    /**
     * Saves, in one write, the intents of the creates from {@code from} on (up to {@link #CREATE_BATCH}
     * consecutive ones) and returns the index after the batch.
     */
    private int recordIntents(List<ResourceChange> pool, int from, Recorder recorder) {
        int end = from;
        List<PendingCreate> intents = new ArrayList<>();
        while (end < pool.size() && end - from < CREATE_BATCH && pool.get(end) instanceof ResourceChange.Create c) {
            intents.add(new PendingCreate(c.address(), c.poolId(), c.after().clientName(), clock.instant()));
            end++;
        }
        recorder.update(s -> {
            for (PendingCreate intent : intents) {
                s = s.withPending(intent);
            }
            return s;
        });
        return end;
    }

    private static StateSnapshot withStateChanges(StateSnapshot s, List<StateChange> changes) {
        for (StateChange c : changes) {
            s = switch (c.kind()) {
                case ADOPT, IMPORT -> s.withClient(c.record()).withoutPending(c.address());
                case FORGET_PENDING -> s.withoutPending(c.address());
                case RECORD_LIVE, RECORD_PREVENT_DESTROY -> s.withClient(c.record());
                case RECORD_SECRETS -> {
                    StateSnapshot at = s;
                    yield at.client(c.address()).map(r -> at.withClient(r.withSecrets(c.record().secrets()))).orElse(at);
                }
            };
        }
        return s;
    }

    private Outcome execute(ResourceChange change, Recorder recorder) {
        listener.onStart(change);
        Outcome outcome;
        try {
            outcome = switch (change.action()) {
                case CREATE -> create((ResourceChange.Create) change, recorder);
                case UPDATE -> update((ResourceChange.Update) change, recorder);
                case REPLACE -> replace((ResourceChange.Replace) change, recorder);
                case DELETE -> delete((ResourceChange.Delete) change, recorder);
                case NO_OP -> done(change, existingId(change), List.of());
            };
        } catch (GatewayException e) {
            outcome = new Outcome(change.address(), change.action(), Outcome.Status.FAILED, existingId(change),
                    message(e), List.of());
        } catch (RuntimeException e) {
            outcome = new Outcome(change.address(), change.action(), Outcome.Status.FAILED, existingId(change),
                    String.valueOf(e.getMessage() != null ? e.getMessage() : e), List.of());
        }
        listener.onComplete(change, outcome);
        return outcome;
    }

    /** Creates (its intent was saved with its batch), then records the client id with the batch's. */
    private Outcome create(ResourceChange.Create change, Recorder recorder) {
        LiveClient created = createPending(change, change.after(), recorder);
        recorder.defer(s -> s.withClient(record(change, created)).withoutPending(change.address()));
        return done(change, created.clientId(), compare(change, change.after(), created));
    }

    private Outcome update(ResourceChange.Update change, Recorder recorder) {
        PriorClient prior = change.prior();
        LiveClient updated = inPool(prior.poolId(), () -> gateway.update(prior.poolId(), prior.clientId(), change.after()));
        // The client stays, so do its recorded secrets.
        recorder.update(s -> s.withClient(record(change, updated).withSecrets(
                s.client(change.address()).map(ClientRecord::secrets).orElse(List.of()))));
        return done(change, updated.clientId(), compare(change, change.after(), updated));
    }

    private Outcome replace(ResourceChange.Replace change, Recorder recorder) {
        PriorClient prior = change.prior();
        // The new client is recorded only once the old one is gone: an interruption in between leaves the
        // old record and the intent, and the next plan adopts the new client and deletes the old one,
        // instead of losing track of it.
        LiveClient created = createPending(change, change.after(), recorder);
        try {
            inPool(prior.poolId(), () -> {
                gateway.delete(prior.poolId(), prior.clientId());
                return null;
            });
        } catch (GatewayException e) {
            recorder.update(s -> s.withClient(record(change, created)).withoutPending(change.address()));
            return new Outcome(change.address(), change.action(), Outcome.Status.FAILED, created.clientId(),
                    "created the new client " + created.clientId() + ", but deleting the old client "
                            + prior.clientId() + " failed: " + message(e) + "; cogform no longer manages"
                            + " the old client, delete it by hand once no consumer uses it", List.of());
        }
        recorder.update(s -> s.withClient(record(change, created)).withoutPending(change.address()));
        return done(change, created.clientId(), compare(change, change.after(), created));
    }

    private Outcome delete(ResourceChange.Delete change, Recorder recorder) {
        PriorClient prior = change.prior();
        inPool(prior.poolId(), () -> {
            gateway.delete(prior.poolId(), prior.clientId());
            return null;
        });
        // The address may already stand for another client (the old one of a replacement).
        recorder.update(s -> s.client(change.address())
                .filter(r -> r.clientId().equals(prior.clientId()))
                .map(r -> s.withoutClient(change.address()))
                .orElse(s));
        return done(change, null, List.of());
    }

    /** Records the intent and creates; the intent stays until the caller records the client. */
    private LiveClient createPending(ResourceChange change, AppClientSettings after, Recorder recorder) {
        if (!recorder.hasPending(change.address())) {
            PendingCreate intent = new PendingCreate(change.address(), change.poolId(), after.clientName(), clock.instant());
            recorder.update(s -> s.withPending(intent));
        }
        LiveClient created;
        try {
            created = inPool(change.poolId(), () -> gateway.create(change.poolId(), after));
        } catch (GatewayException e) {
            // An ambiguous failure (a timeout, a lost answer) keeps the intent: the next plan looks for the client.
            if (DEFINITELY_NOT_CREATED.contains(e.error())) {
                recorder.update(s -> s.withoutPending(change.address()));
            }
            throw e;
        }
        return created;
    }

    private ClientRecord record(ResourceChange change, LiveClient live) {
        return new ClientRecord(change.address(), live.poolId(), live.clientId(), live.settings().clientName(),
                live.settings(), live.fingerprint(), change.preventDestroy(), clock.instant());
    }

    /** Cognito's answer against what was sent: reported, never retried. */
    private static List<Diagnostic> compare(ResourceChange change, AppClientSettings sent, LiveClient returned) {
        List<Diagnostic> out = new ArrayList<>();
        for (AttributeDiff d : AttributeDiff.between(sent, returned.settings(), Set.of())) {
            out.add(RunRules.APPLY_RESPONSE_DIFFERS.diagnostic(change.address() + "." + d.field().key(),
                    "Cognito returned " + show(d.field(), d.after()) + " for field " + d.field().key() + " of "
                            + change.address() + " (cogform sent " + show(d.field(), d.before()) + ")",
                    "the next plan will show this difference again; check the value in cogform.yaml", null));
        }
        return out;
    }

    private static String show(AppClientField field, Object value) {
        if (value == null) {
            return "nothing";
        }
        return field.kind() == AppClientField.Kind.DURATION ? Durations.format((Long) value) : String.valueOf(value);
    }

    private <T> T inPool(String poolId, Supplier<T> write) {
        ReentrantLock lock = poolLocks.computeIfAbsent(poolId, k -> new ReentrantLock());
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }

    private static Outcome done(ResourceChange change, String clientId, List<Diagnostic> warnings) {
        return new Outcome(change.address(), change.action(), Outcome.Status.DONE, clientId, null, warnings);
    }

    private static Outcome notAttempted(ResourceChange change) {
        return new Outcome(change.address(), change.action(), Outcome.Status.NOT_ATTEMPTED, existingId(change),
                "not attempted because an earlier change failed", List.of());
    }

    /** The client the address stands for while the change has not happened; a create has none yet. */
    private static String existingId(ResourceChange change) {
        return change.existing().map(PriorClient::clientId).orElse(null);
    }

    static String message(GatewayException e) {
        return "Cognito: " + e.detail();
    }

    private static void await(Future<?> run) {
        try {
            run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "cogform-apply-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The latest saved snapshot; state writes are serialised here so none is lost between workers.
     * Deferred changes are kept in memory and saved with the next write, or by {@link #flush()}.
     */
    private final class Recorder {
        private StateSnapshot current;
        private final List<UnaryOperator<StateSnapshot>> deferred = new ArrayList<>();

        Recorder(StateSnapshot current) {
            this.current = current;
        }

        /** Saves {@code change}, with every deferred change before it, in one write. */
        synchronized void update(UnaryOperator<StateSnapshot> change) {
            StateSnapshot next = current;
            for (UnaryOperator<StateSnapshot> d : deferred) {
                next = d.apply(next);
            }
            current = store.write(change.apply(next));
            deferred.clear();
        }

        synchronized void defer(UnaryOperator<StateSnapshot> change) {
            deferred.add(change);
        }

        /** Saves the deferred changes, if any. */
        synchronized void flush() {
            if (!deferred.isEmpty()) {
                update(UnaryOperator.identity());
            }
        }

        /** Forgets the deferred changes: what they recorded is reported as not saved. */
        synchronized void dropDeferred() {
            deferred.clear();
        }

        /** Whether the saved state holds an intent for {@code address}. */
        synchronized boolean hasPending(ClientAddress address) {
            return current.pending().stream().anyMatch(p -> p.address().equals(address));
        }

        synchronized StateSnapshot current() {
            return current;
        }
    }
}

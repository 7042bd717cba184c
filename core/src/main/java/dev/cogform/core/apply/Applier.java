package dev.cogform.core.apply;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.Durations;
import dev.cogform.core.model.SecretDescriptor;
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
 * updates in a pool); pools proceed in parallel. The state is saved after every step: a create's
 * intent before the call and its client id right after, so a crash in between is adopted by the next
 * plan instead of creating a duplicate. After the first failure no new change starts; changes in
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
                        for (ResourceChange change : pool) {
                            if (failed.get()) {
                                outcomes.add(notAttempted(change));
                                continue;
                            }
                            Outcome outcome = execute(change, recorder);
                            if (outcome.status() == Outcome.Status.FAILED) {
                                failed.set(true);
                            }
                            outcomes.add(outcome);
                        }
                    }));
                }
                for (Future<?> run : runs) {
                    await(run);
                }
            } finally {
                workers.shutdownNow();
            }
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

    /** Records the intent, creates, then records the client id (and forgets the intent). */
    private Outcome create(ResourceChange.Create change, Recorder recorder) {
        LiveClient created = createPending(change, change.after(), recorder);
        recorder.update(s -> s.withClient(record(change, created)).withoutPending(change.address()));
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
        PendingCreate intent = new PendingCreate(change.address(), change.poolId(), after.clientName(), clock.instant());
        recorder.update(s -> s.withPending(intent));
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

    /** The latest saved snapshot; state writes are serialised here so none is lost between workers. */
    private final class Recorder {
        private StateSnapshot current;

        Recorder(StateSnapshot current) {
            this.current = current;
        }

        synchronized void update(UnaryOperator<StateSnapshot> change) {
            current = store.write(change.apply(current));
        }

        synchronized StateSnapshot current() {
            return current;
        }
    }
}

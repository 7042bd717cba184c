package dev.cogform.core.apply;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.live.ClientSummary;
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
import dev.cogform.core.state.LockLostException;
import dev.cogform.core.state.PendingCreate;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a plan's changes. Writes to one pool go one at a time (Cognito refuses concurrent client
 * updates in a pool); pools proceed in parallel. Creates go in batches of up to {@value #CREATE_BATCH}
 * per pool: the intents of a batch are saved in one write before any of its creates is sent, and their
 * client ids in one write after the batch, so a crash in between leaves intents that the next plan
 * resolves by adopting the client it finds by name, instead of creating a duplicate. Every other step
 * is saved as it completes.
 *
 * <p>Failures that may pass are retried ({@link ApplyRetries}): updates and deletes are idempotent and
 * simply sent again after a backoff; a create that failed or went unanswered is sent again only after
 * listing the pool shows no client it made (one that did land is adopted), and an unanswered one only
 * once its answer can no longer arrive. A change that still fails stops the rest of its pool; other
 * pools go on, and the result lists every failure. A lost state lock or a failed state write stops
 * everything: the lock is checked before every Cognito write.
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

    /** Failures that may pass: an idempotent write is simply sent again. */
    private static final Set<GatewayError> TRANSIENT = Set.of(GatewayError.THROTTLED,
            GatewayError.CONCURRENT_MODIFICATION, GatewayError.UNREACHABLE, GatewayError.TIMED_OUT, GatewayError.OTHER);

    /** How long before a pending intent's time a client it made may say it was created (clock skew, whole seconds). */
    private static final Duration ADOPTION_SKEW = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(Applier.class);

    /**
     * How much older than its send an intent saved with its batch may be: beyond this it is saved again
     * before the create goes out, so that its time still bounds when the answer can come (the margin
     * covers the rest).
     */
    private static final Duration INTENT_SLACK = Duration.ofSeconds(5);

    /** Stands for no lock at all (tests and the benchmark, which hold none). */
    private static final StateLock NO_LOCK = new StateLock() {
        @Override
        public dev.cogform.core.state.LockInfo info() {
            return null;
        }

        @Override
        public void close() {
        }
    };

    private static final Comparator<ResourceChange> ORDER = Comparator
            .comparing((ResourceChange c) -> c.action().ordinal()).thenComparing(ResourceChange::address);

    private final CognitoGateway gateway;
    private final StateStore store;
    private final Clock clock;
    private final ApplyListener listener;
    private final int parallelism;
    private final ApplyRetries retries;
    private final Map<String, ReentrantLock> poolLocks = new ConcurrentHashMap<>();

    public Applier(CognitoGateway gateway, StateStore store, Clock clock, ApplyListener listener, int parallelism) {
        this(gateway, store, clock, listener, parallelism, ApplyRetries.DEFAULT);
    }

    private Applier(CognitoGateway gateway, StateStore store, Clock clock, ApplyListener listener, int parallelism,
                    ApplyRetries retries) {
        this.gateway = gateway;
        this.store = store;
        this.clock = clock;
        this.listener = listener;
        this.parallelism = Math.max(1, parallelism);
        this.retries = retries;
    }

    /** This applier with another retry policy. */
    public Applier withRetries(ApplyRetries other) {
        return new Applier(gateway, store, clock, listener, parallelism, other);
    }

    /** {@link #apply(Plan, StateSnapshot, StateLock)} without a lock to check (tests, the benchmark). */
    public ApplyResult apply(Plan plan, StateSnapshot current) {
        return apply(plan, current, NO_LOCK);
    }

    /**
     * Applies {@code plan} on top of {@code current}, the snapshot it was made from, which must still
     * be the stored one, under {@code lock}, which is checked before every Cognito write. Refuses a plan
     * with errors.
     */
    public ApplyResult apply(Plan plan, StateSnapshot current, StateLock lock) {
        if (plan.errored()) {
            throw new IllegalArgumentException("the plan has errors and cannot be applied");
        }
        Recorder recorder = new Recorder(current, lock);
        List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
        if (!plan.stateChanges().isEmpty()) {
            try {
                recorder.update(s -> withStateChanges(s, plan.stateChanges()));
            } catch (RuntimeException e) {
                diagnostics.add(RunRules.APPLY_STATE_WRITE_FAILED.diagnostic(null,
                        "recording the state changes failed: " + e.getMessage(), "nothing was applied", null));
                List<Outcome> skipped = plan.actions().stream()
                        .map(c -> notAttempted(c, "not attempted because the state changes could not be recorded"))
                        .toList();
                List<SecretOutcome> secretsSkipped = plan.secretChanges().stream().map(Applier::notAttempted).toList();
                return new ApplyResult(skipped, 0, diagnostics, recorder.current().version(), secretsSkipped);
            }
        }
        Map<String, List<ResourceChange>> byPool = new LinkedHashMap<>();
        plan.actions().stream().sorted(ORDER)
                .forEach(c -> byPool.computeIfAbsent(c.poolId(), k -> new ArrayList<>()).add(c));
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<String> stopped = new AtomicReference<>();
        if (!byPool.isEmpty()) {
            ExecutorService workers = Executors.newFixedThreadPool(Math.min(parallelism, byPool.size()), daemon());
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (List<ResourceChange> pool : byPool.values()) {
                    runs.add(workers.submit(() -> {
                        int batchEnd = 0;
                        List<Outcome> batch = new ArrayList<>(); // creates done whose ids are not saved yet
                        ResourceChange failedInPool = null;
                        for (int i = 0; i < pool.size(); i++) {
                            ResourceChange change = pool.get(i);
                            String stop = stopped.get();
                            String skip = stop != null ? "not attempted because " + stop
                                    : failedInPool != null ? "not attempted because " + failedInPool.address()
                                            + " in the same pool failed" : null;
                            if (skip != null) {
                                outcomes.add(notAttempted(change, skip));
                                if (change.action() == Action.CREATE && i < batchEnd) {
                                    // Its intent went out with its batch, but it was never sent.
                                    recorder.defer(s -> s.withoutPending(change.address()));
                                }
                                continue;
                            }
                            if (change.action() == Action.CREATE && i >= batchEnd) {
                                try {
                                    batchEnd = recordIntents(pool, i, recorder);
                                } catch (RuntimeException e) {
                                    stopped.compareAndSet(null, "the state could not be written: " + e.getMessage());
                                    outcomes.add(notAttempted(change, "not attempted because " + stopped.get()));
                                    continue;
                                }
                            }
                            Outcome outcome = execute(change, recorder, stopped);
                            if (outcome.status() == Outcome.Status.FAILED) {
                                failedInPool = change;
                            }
                            (i < batchEnd ? batch : outcomes).add(outcome);
                            if (i + 1 == batchEnd) {
                                outcomes.addAll(saveBatch(batch, recorder, stopped));
                                batch.clear();
                            }
                        }
                        outcomes.addAll(saveBatch(batch, recorder, stopped));
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
        if (stopped.get() != null) {
            diagnostics.add(RunRules.APPLY_STOPPED.diagnostic(null, "the apply stopped: " + stopped.get(),
                    "plan again once the cause is fixed; what was done is recorded in the state", null));
        }
        outcomes.forEach(o -> diagnostics.addAll(o.warnings()));
        List<Outcome> sorted = outcomes.stream().sorted(Comparator.comparing(Outcome::address)).toList();
        // Secret steps come after the client changes, and none starts once anything failed or stopped.
        boolean failed = stopped.get() != null || sorted.stream().anyMatch(o -> o.status() == Outcome.Status.FAILED);
        List<SecretOutcome> secretOutcomes = new ArrayList<>();
        for (SecretChange change : plan.secretChanges()) {
            if (failed) {
                secretOutcomes.add(notAttempted(change));
                continue;
            }
            SecretOutcome outcome = secretStep(change, recorder);
            failed = outcome.status() == Outcome.Status.FAILED;
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
                    recorder.ensureHeld(); // a writer that lost the state lock changes nothing more
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
                    recorder.ensureHeld();
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
    private static List<Outcome> saveBatch(List<Outcome> batch, Recorder recorder, AtomicReference<String> stopped) {
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            recorder.flush();
            return List.copyOf(batch);
        } catch (RuntimeException e) {
            stopped.compareAndSet(null, "the state could not be written: " + e.getMessage());
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
        // One time for the whole batch: it is how the next plan tells a batch's intents (sent in order) apart,
        // so that after a crash only the one after the last that landed is in doubt.
        Instant at = clock.instant();
        while (end < pool.size() && end - from < CREATE_BATCH && pool.get(end) instanceof ResourceChange.Create c) {
            intents.add(new PendingCreate(c.address(), c.poolId(), c.after().clientName(), at,
                    gateway.writeTimeout(), retries.margin()));
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

    private Outcome execute(ResourceChange change, Recorder recorder, AtomicReference<String> stopped) {
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
        } catch (StateException e) {
            // The lock is gone or the state cannot be written: nothing more may be done safely.
            stopped.compareAndSet(null, e instanceof LockLostException ? "the state lock was lost: " + e.getMessage()
                    : "the state could not be written: " + e.getMessage());
            outcome = new Outcome(change.address(), change.action(), Outcome.Status.FAILED, existingId(change),
                    String.valueOf(e.getMessage()), List.of());
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
        LiveClient updated = write(change, prior.poolId(), recorder,
                () -> gateway.update(prior.poolId(), prior.clientId(), change.after()));
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
            write(change, prior.poolId(), recorder, () -> {
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
        write(change, prior.poolId(), recorder, () -> {
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

    /**
     * Records the intent and creates; the intent stays until the caller records the client. A create
     * that fails without saying it did nothing is resolved before it is sent again: a client it made is
     * adopted, and one whose answer may still come is waited for (see {@link #landed}).
     */
    private LiveClient createPending(ResourceChange change, AppClientSettings after, Recorder recorder) {
        String poolId = change.poolId();
        for (int attempt = 1; ; attempt++) {
            try {
                recorder.ensureHeld();
            } catch (LockLostException e) {
                // Not sent (or, on a retry, the last attempt was found to have made nothing): no doubt to leave.
                recorder.defer(s -> s.withoutPending(change.address()));
                throw e;
            }
            Instant now = clock.instant();
            // The intent saved with the batch serves if it is recent: its time bounds when the answer can come.
            Optional<PendingCreate> batched = attempt == 1 ? recorder.pending(change.address())
                    .filter(p -> !p.at().isBefore(now.minus(INTENT_SLACK))) : Optional.empty();
            PendingCreate intent = batched.orElseGet(() -> new PendingCreate(change.address(), poolId,
                    after.clientName(), now, gateway.writeTimeout(), retries.margin()));
            if (batched.isEmpty()) {
                recorder.update(s -> s.withPending(intent));
            }
            GatewayException failure;
            try {
                return inPool(poolId, () -> gateway.create(poolId, after));
            } catch (GatewayException e) {
                failure = e;
            }
            if (DEFINITELY_NOT_CREATED.contains(failure.error())) {
                recorder.update(s -> s.withoutPending(change.address()));
                throw failure;
            }
            Optional<LiveClient> landed = landed(intent, failure, recorder);
            if (landed.isPresent()) {
                LOG.info("{}: the create failed ({}), but client {} it made was found and is adopted",
                        change.address(), failure.detail(), landed.get().clientId());
                return landed.get();
            }
            boolean answered = failure.awsCode() != null;
            if (answered) {
                // Cognito answered, so the request is over and made nothing: the intent can go.
                recorder.update(s -> s.withoutPending(change.address()));
            }
            if (attempt >= retries.attempts()) {
                throw retriedOut(failure, attempt);
            }
            Duration wait = retries.backoffBefore(attempt);
            LOG.info("{}: create failed ({}); no client was made; attempt {} of {} in {} ms", change.address(),
                    failure.detail(), attempt + 1, retries.attempts(), wait.toMillis());
            pause(wait);
        }
    }

    /**
     * The client a failed create made, if any, found by listing the pool for an unmanaged client with
     * the intent's name created since the intent. Cognito's answer ends the request, so one listing
     * tells; without an answer the request may still be carried out, so the pool is listed again every
     * poll until the answer can no longer come: {@code margin} after a timeout, {@code settle} after a
     * connection closed without an answer.
     */
    private Optional<LiveClient> landed(PendingCreate intent, GatewayException failure, Recorder recorder) {
        Duration window = failure.awsCode() != null ? Duration.ZERO
                : failure.error() == GatewayError.TIMED_OUT ? retries.margin() : retries.settle();
        long polls = window.isZero() ? 0 : Math.max(1, (window.toMillis() + retries.poll().toMillis() - 1)
                / retries.poll().toMillis());
        if (polls > 0) {
            LOG.info("{}: no answer to the create ({}); looking for the client for up to {} s before creating again",
                    intent.address(), failure.detail(), window.toSeconds());
        }
        for (long i = 0; ; i++) {
            Optional<LiveClient> found = findMade(intent, recorder);
            if (found.isPresent() || i >= polls) {
                return found;
            }
            pause(Duration.ofMillis(Math.min(retries.poll().toMillis(), window.toMillis())));
        }
    }

    private Optional<LiveClient> findMade(PendingCreate intent, Recorder recorder) {
        Set<String> managed = new HashSet<>();
        recorder.current().clients().values().forEach(r -> managed.add(r.clientId()));
        Instant earliest = intent.at().minus(ADOPTION_SKEW);
        List<LiveClient> made = new ArrayList<>();
        for (ClientSummary s : retried("list", () -> gateway.listClients(intent.poolId()))) {
            if (!s.clientName().equals(intent.clientName()) || managed.contains(s.clientId())) {
                continue;
            }
            retried("describe", () -> gateway.describe(intent.poolId(), s.clientId()))
                    .filter(c -> c.created() == null || !c.created().isBefore(earliest))
                    .ifPresent(made::add);
        }
        return made.stream().min(Comparator.comparing(c -> c.created() == null ? Instant.MAX : c.created()));
    }

    /** An idempotent write, sent again after a backoff while it fails in a way that may pass. */
    private <T> T write(ResourceChange change, String poolId, Recorder recorder, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            recorder.ensureHeld();
            try {
                return inPool(poolId, call);
            } catch (GatewayException e) {
                if (!TRANSIENT.contains(e.error())) {
                    throw e;
                }
                if (attempt >= retries.attempts()) {
                    throw retriedOut(e, attempt);
                }
                Duration wait = retries.backoffBefore(attempt);
                LOG.info("{}: {} failed ({}); attempt {} of {} in {} ms", change.address(), change.action().word(),
                        e.detail(), attempt + 1, retries.attempts(), wait.toMillis());
                pause(wait);
            }
        }
    }

    /** A read for resolving a failed create; reads have no side effect, so they are simply retried. */
    private <T> T retried(String what, Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (GatewayException e) {
                if (!TRANSIENT.contains(e.error()) || attempt >= retries.attempts()) {
                    throw e;
                }
                LOG.info("{} failed ({}); attempt {} of {}", what, e.detail(), attempt + 1, retries.attempts());
                pause(retries.backoffBefore(attempt));
            }
        }
    }

    private static GatewayException retriedOut(GatewayException e, int attempts) {
        if (attempts <= 1) {
            return e;
        }
        return new GatewayException(e.error(), e.getMessage() + " (failed " + attempts + " times)", e.awsCode(),
                e.reasonCode(), e);
    }

    private void pause(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            retries.pause().pause(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateException("interrupted while waiting to retry", e);
        }
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

    private static Outcome notAttempted(ResourceChange change, String why) {
        return new Outcome(change.address(), change.action(), Outcome.Status.NOT_ATTEMPTED, existingId(change), why,
                List.of());
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
     * Deferred changes are kept in memory and saved with the next write, or by {@link #flush()}. Holds
     * the state lock, checked before every Cognito write.
     */
    private final class Recorder {
        private final StateLock lock;
        private StateSnapshot current;
        private final List<UnaryOperator<StateSnapshot>> deferred = new ArrayList<>();

        Recorder(StateSnapshot current, StateLock lock) {
            this.current = current;
            this.lock = lock;
        }

        void ensureHeld() {
            lock.ensureHeld();
        }

        /** The saved intent for {@code address}, if any. */
        synchronized Optional<PendingCreate> pending(ClientAddress address) {
            return current.pending().stream().filter(p -> p.address().equals(address)).findFirst();
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

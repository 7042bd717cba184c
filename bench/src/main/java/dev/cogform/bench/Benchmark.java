package dev.cogform.bench;

import dev.cogform.core.Version;
import dev.cogform.core.apply.Applier;
import dev.cogform.core.apply.ApplyListener;
import dev.cogform.core.apply.ApplyResult;
import dev.cogform.core.apply.Outcome;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.QuotaConfig;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.live.cognito.SdkCognitoGateway;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanOptions;
import dev.cogform.core.plan.Planner;
import dev.cogform.core.plan.ResourceChange;
import dev.cogform.core.refresh.LiveSnapshot;
import dev.cogform.core.refresh.Refresher;
import dev.cogform.sandbox.Sandbox;
import dev.cogform.sandbox.SandboxOptions;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs the benchmark. Each phase gets a fresh in-process sandbox with quotas on (scaled), so every
 * bucket starts full, as {@link QuotaFloor} assumes. Seeding happens with the sandbox's quotas
 * lifted and through a separate, unthrottled gateway, so only the measured phase meets the quotas;
 * it also warms up the JVM's SDK code. The measured gateway is a new {@link SdkCognitoGateway} with
 * Cognito's rates scaled like the sandbox's, the one cogform itself uses.
 */
public final class Benchmark {

    /** Rates no benchmark reaches: the seeding gateway must not slow seeding down. */
    private static final QuotaConfig UNTHROTTLED = new QuotaConfig(1e6, 1e6, 1e6);

    private final BenchOptions options;
    private final Supplier<StateStore> applyState;
    private final BenchListener listener;

    private Benchmark(BenchOptions options, Supplier<StateStore> applyState, BenchListener listener) {
        this.options = options;
        this.applyState = applyState;
        this.listener = listener;
    }

    /**
     * Measures the phases {@code options} asks for; {@code applyState} makes the (empty) state store
     * the apply phase records into, a fresh one per call.
     */
    public static BenchReport run(BenchOptions options, Supplier<StateStore> applyState, BenchListener listener) {
        Benchmark b = new Benchmark(options, applyState, listener);
        List<PhaseResult> phases = new ArrayList<>();
        if (options.measuresPlan()) {
            phases.add(b.measurePlan());
        }
        if (options.measuresApply()) {
            phases.add(b.measureApply());
        }
        return new BenchReport(options, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), phases);
    }

    private PhaseResult measurePlan() {
        try (Sandbox sandbox = startSandbox()) {
            List<String> poolIds = pools(sandbox, "plan");
            listener.onStep("seeding " + options.clients() + " clients in " + options.pools() + " pools (quotas lifted)");
            StateSnapshot state;
            try (SdkCognitoGateway seeder = SdkCognitoGateway.forLocalEndpoint(sandbox.endpoint(), UNTHROTTLED)) {
                warmUp(sandbox, seeder);
                state = managed(seed(seeder, poolIds));
            }
            DesiredState desired = SyntheticClients.desired(poolIds, options.clients());
            sandbox.liftQuotas(false);
            try (SdkCognitoGateway gateway = measuredGateway(sandbox)) {
                listener.onStep("measuring refresh and plan of " + options.clients() + " clients");
                long start = System.nanoTime();
                LiveSnapshot live = new Refresher(gateway).refresh(desired, state, Set.of());
                Plan plan = Planner.plan(desired, state, live, planOptions());
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                return result(BenchOptions.Phase.PLAN, wall, gateway, plan, errors(plan.diagnostics()));
            }
        }
    }

    private PhaseResult measureApply() {
        try (Sandbox sandbox = startSandbox()) {
            List<String> poolIds = pools(sandbox, "apply");
            try (SdkCognitoGateway seeder = SdkCognitoGateway.forLocalEndpoint(sandbox.endpoint(), UNTHROTTLED)) {
                warmUp(sandbox, seeder);
            }
            DesiredState desired = SyntheticClients.desired(poolIds, options.clients());
            sandbox.liftQuotas(false);
            StateStore store = applyState.get();
            try (SdkCognitoGateway gateway = measuredGateway(sandbox)) {
                StateSnapshot state = store.read();
                listener.onStep("measuring refresh, plan and apply of " + options.clients() + " new clients");
                long start = System.nanoTime();
                LiveSnapshot live = new Refresher(gateway).refresh(desired, state, Set.of());
                Plan plan = Planner.plan(desired, state, live, planOptions());
                List<String> errors = errors(plan.diagnostics());
                if (errors.isEmpty()) {
                    ApplyResult applied = new Applier(gateway, store, Clock.systemUTC(), ApplyListener.NONE,
                            Applier.DEFAULT_PARALLELISM).apply(plan, state);
                    errors.addAll(errors(applied.diagnostics()));
                    applied.outcomes().stream().filter(o -> o.status() != Outcome.Status.DONE)
                            .forEach(o -> errors.add(o.address() + ": " + o.status().word()
                                    + (o.message() != null ? ": " + o.message() : "")));
                }
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                return result(BenchOptions.Phase.APPLY, wall, gateway, plan, errors);
            } finally {
                closeQuietly(store);
            }
        }
    }

    private Sandbox startSandbox() {
        Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withQuotaScale(options.quotaScale()));
        sandbox.liftQuotas(true);
        return sandbox;
    }

    private List<String> pools(Sandbox sandbox, String phase) {
        List<String> ids = new ArrayList<>();
        for (int p = 0; p < options.pools(); p++) {
            ids.add(sandbox.ensurePool("bench-" + phase + "-" + SyntheticClients.poolKey(p)));
        }
        return ids;
    }

    private SdkCognitoGateway measuredGateway(Sandbox sandbox) {
        return SdkCognitoGateway.forLocalEndpoint(sandbox.endpoint(),
                QuotaConfig.COGNITO_DEFAULT.scaled(options.quotaScale()));
    }

    /** Runs each operation the measured phase uses once, in a pool of its own, so class loading is not measured. */
    private static void warmUp(Sandbox sandbox, SdkCognitoGateway gateway) {
        String pool = sandbox.ensurePool("bench-warm-up");
        for (int i = 0; i < 4; i++) {
            LiveClient c = gateway.create(pool, SyntheticClients.settings(i, 1));
            gateway.describe(pool, c.clientId());
            gateway.listClients(pool);
            gateway.delete(pool, c.clientId());
        }
    }

    /** Creates the clients, the pools in parallel (the gateway serializes writes per pool anyway). */
    private Map<ClientAddress, LiveClient> seed(SdkCognitoGateway gateway, List<String> poolIds) {
        int pools = poolIds.size();
        Map<ClientAddress, LiveClient> created = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(pools, 8));
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int p = 0; p < pools; p++) {
                int pool = p;
                runs.add(workers.submit(() -> {
                    for (int i = pool; i < options.clients(); i += pools) {
                        AppClientSettings settings = SyntheticClients.settings(i, pools);
                        created.put(SyntheticClients.address(i, pools), gateway.create(poolIds.get(pool), settings));
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding the sandbox", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("seeding the sandbox failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            workers.shutdownNow();
        }
        return created;
    }

    /** A state that manages every seeded client, with its live settings as the last applied ones. */
    private static StateSnapshot managed(Map<ClientAddress, LiveClient> clients) {
        Instant now = Instant.now();
        Map<ClientAddress, ClientRecord> records = new TreeMap<>();
        clients.forEach((address, c) -> records.put(address, new ClientRecord(address, c.poolId(), c.clientId(),
                c.settings().clientName(), c.settings(), c.fingerprint(), false, now)));
        StateSnapshot empty = StateSnapshot.empty();
        return new StateSnapshot(empty.lineage(), 1, records, List.of());
    }

    private static PlanOptions planOptions() {
        return new PlanOptions(Set.of(), Instant.now(), Version.current());
    }

    private PhaseResult result(BenchOptions.Phase phase, Duration wall, SdkCognitoGateway gateway, Plan plan,
                               List<String> errors) {
        var metrics = gateway.metrics();
        Map<String, Long> actions = new TreeMap<>();
        for (ResourceChange c : plan.changes()) {
            actions.merge(c.action().word(), 1L, Long::sum);
        }
        return new PhaseResult(phase, options.clients(), options.pools(), wall, metrics,
                QuotaFloor.of(metrics, QuotaRates.cognito(options.quotaScale())), actions, errors);
    }

    private static List<String> errors(List<Diagnostic> diagnostics) {
        List<String> out = new ArrayList<>();
        diagnostics.stream().filter(Diagnostic::isError).forEach(d -> out.add(d.format()));
        return out;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // The store of a finished benchmark; nothing depends on closing it.
        }
    }
}

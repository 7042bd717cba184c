package dev.cogform.cli.command;

import dev.cogform.core.spec.DriftRules;
import dev.cogform.core.spec.LoadRules;
import dev.cogform.cli.wiring.StackServices;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.LoadResult;
import dev.cogform.core.desired.QuotaConfig;
import dev.cogform.core.desired.Variables;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.drift.DriftDetector;
import dev.cogform.core.drift.IgnoreRules;
import dev.cogform.core.drift.StackReport;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.live.cognito.QuotaBudget;
import dev.cogform.core.refresh.LiveSnapshot;
import dev.cogform.core.refresh.PoolResolver;
import dev.cogform.core.refresh.RefreshListener;
import dev.cogform.core.refresh.Refresher;
import dev.cogform.core.refresh.UnmanagedReader;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Checks many stacks in one process, read-only: each stack's state is read without its lock and its
 * clients are refreshed as {@code plan} does. Every stack runs at once; stacks of one account-region
 * draw on one {@link QuotaBudget}, so together they keep to Cognito's quotas, while different
 * account-regions proceed in parallel. Pool names are only looked up, never created (the embedded
 * sandbox's resolver would create them).
 */
final class DriftRun {

    /** A stack to check: its name in reports (the directory as given) and its directory. */
    record Target(String name, Path dir) {
    }

    private final StackServices services;
    private final Function<Path, Variables> variables;
    private final IgnoreRules ignore;

    DriftRun(StackServices services, Function<Path, Variables> variables, IgnoreRules ignore) {
        this.services = services;
        this.variables = variables;
        this.ignore = ignore;
    }

    List<StackReport> run(List<Target> targets) {
        Instant now = services.clock().instant();
        Map<Target, LoadResult> loaded = new LinkedHashMap<>();
        Map<String, QuotaBudget> budgets = new LinkedHashMap<>();
        Map<Target, String> keys = new LinkedHashMap<>();
        List<StackReport> failed = new ArrayList<>();
        for (Target t : targets) {
            LoadResult r = services.load(t.dir(), variables.apply(t.dir()));
            if (!r.ok()) {
                failed.add(StackReport.failed(t.name(), null, r.diagnostics().isEmpty()
                        ? List.of(LoadRules.LOAD_FAILED.diagnostic(null, "cogform.yaml could not be loaded", null, null))
                        : r.diagnostics()));
                continue;
            }
            try {
                String key = services.budgetKey(r.state());
                keys.put(t, key);
                QuotaConfig quotas = r.state().provider() == null ? null : r.state().provider().quotas();
                budgets.computeIfAbsent(key, k -> QuotaBudget.of(quotas));
                loaded.put(t, r);
            } catch (RuntimeException e) {
                failed.add(StackReport.failed(t.name(), null, List.of(DriftRules.ACCOUNT_UNKNOWN.diagnostic(null,
                        String.valueOf(e.getMessage()), "check the credentials and provider.region", null))));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(loaded.size(), 64)), r -> {
            Thread t = new Thread(r, "cogform-drift");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<StackReport>> runs = new ArrayList<>();
            loaded.forEach((t, r) -> runs.add(CompletableFuture.supplyAsync(
                    () -> check(t, r, keys.get(t), budgets.get(keys.get(t)), now), pool)));
            List<StackReport> out = new ArrayList<>(runs.stream().map(CompletableFuture::join).toList());
            out.addAll(failed);
            out.sort(java.util.Comparator.comparing(StackReport::stack));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private StackReport check(Target t, LoadResult loaded, String key, QuotaBudget budget, Instant now) {
        DesiredState desired = loaded.state();
        List<Diagnostic> warnings = new ArrayList<>(loaded.diagnostics());
        CognitoGateway gateway = null;
        StateStore store = null;
        try {
            gateway = services.gateway(desired, budget);
            store = services.stateStore(desired);
            StateSnapshot state = store.read(); // no lock: drift never writes the state
            Refresher refresher = new Refresher(gateway, PoolResolver.lookup(gateway), Refresher.DEFAULT_PARALLELISM,
                    RefreshListener.NONE);
            LiveSnapshot live = refresher.refresh(desired, state, Set.of());
            Map<String, LiveClient> described = UnmanagedReader.describe(gateway, state, live,
                    Refresher.DEFAULT_PARALLELISM, warnings);
            StackReport report = DriftDetector.detect(t.name(), key, desired, state, live, described, ignore, now);
            store.drainWarnings().forEach(w -> warnings.add(DriftRules.STATE_WARNING.diagnostic(null, w, null, null)));
            List<Diagnostic> all = new ArrayList<>(warnings);
            all.addAll(report.diagnostics());
            return new StackReport(report.stack(), report.budget(), report.clients(), report.unmanaged(),
                    report.pools(), report.resolved(), all);
        } catch (RuntimeException e) {
            warnings.add(DriftRules.STACK_FAILED.diagnostic(null, "checking stack " + t.name() + " failed: "
                    + (e.getMessage() != null ? e.getMessage() : e.toString()), null, null));
            return StackReport.failed(t.name(), key, warnings);
        } finally {
            closeQuietly(gateway);
            closeQuietly(store);
        }
    }

    private static void closeQuietly(Object resource) {
        if (resource instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Read-only run: nothing is lost when a client fails to close.
            }
        }
    }
}

package dev.cogform.cli.command;

import dev.cogform.cli.wiring.StackServices;
import dev.cogform.cli.view.DiagnosticsView;
import dev.cogform.cli.view.RefreshProgressView;
import dev.cogform.cli.view.Colors;
import dev.cogform.core.Version;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.LoadResult;
import dev.cogform.core.desired.Variables;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.DiagnosticException;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.RetryReports;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanOptions;
import dev.cogform.core.plan.Planner;
import dev.cogform.core.refresh.LiveSnapshot;
import dev.cogform.core.refresh.Refresher;
import dev.cogform.core.spec.LoadRules;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import dev.cogform.cli.git.GitException;
import dev.cogform.core.stack.DesiredStateLoader;
import dev.cogform.core.plan.GitProvenance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A loaded stack with its gateway and state store, and (once locked) the state lock: the setup that
 * plan and apply share. Closing releases the lock.
 */
final class StackSession implements AutoCloseable {

    final StackServices services;
    final DesiredState desired;
    final CognitoGateway gateway;
    final StateStore store;
    final Variables variables;
    private StateLock lock;

    private StackSession(StackServices services, DesiredState desired, Variables variables) {
        this.services = services;
        this.desired = desired;
        this.variables = variables;
        this.gateway = services.gateway(desired);
        this.store = services.stateStore(desired);
    }

    /** Loads the stack; on errors, fails with the load diagnostics (Main prints them, exit 1). */
    static StackSession load(StackServices services, Path dir, Variables variables, PrintWriter err, Colors colors) {
        services.prepareGateway();
        LoadResult loaded = services.load(dir, variables);
        if (!loaded.ok()) {
            throw new DiagnosticException(loaded.diagnostics().isEmpty()
                    ? java.util.List.of(LoadRules.LOAD_FAILED.diagnostic(null, "cogform.yaml could not be loaded", null, null))
                    : loaded.diagnostics());
        }
        new DiagnosticsView(err, colors, DiagnosticsView.SourceLines.files(dir)).render(loaded.diagnostics());
        return new StackSession(services, loaded.state(), variables);
    }

    StackSession lock(String operation, Duration timeout) {
        lock = store.lock(operation, timeout);
        return this;
    }

    /** The lock taken with {@link #lock}; the applier checks it before every Cognito write. */
    StateLock heldLock() {
        if (lock == null) {
            throw new IllegalStateException("the state is not locked");
        }
        return lock;
    }

    /** Reads the state and Cognito (unless {@code --refresh=false}) and plans. */
    Plan plan(StateSnapshot state, PlanningOptions planning, PrintWriter err) {
        RefreshProgressView progress = new RefreshProgressView(err, services.terminal().interactive(), services.clock());
        Refresher refresher = new Refresher(gateway, services.poolResolver(desired, gateway), Refresher.DEFAULT_PARALLELISM,
                progress);
        LiveSnapshot live;
        Consumer<String> retries = RetryReports.listener();
        RetryReports.reportTo(progress::note); // retry lines must not land on the open progress line
        try {
            live = planning.refresh() ? refresher.refresh(desired, state, planning.targets(), planning.rotateSecrets())
                    : refresher.fromState(desired, state);
        } finally {
            RetryReports.reportTo(retries);
            progress.end(); // the plan, or the error, starts on a line of its own
        }
        return Planner.plan(desired, state, live,
                new PlanOptions(planning.targets(), services.clock().instant(), Version.current(), provenance(err),
                        planning.rotateSecrets()));
    }

    /** The stack's inputs: cogform.yaml and the var files read. */
    List<Path> inputs() {
        List<Path> inputs = new ArrayList<>();
        inputs.add(desired.directory().resolve(DesiredStateLoader.FILE_NAME));
        inputs.addAll(variables.files());
        return inputs;
    }

    /**
     * Where the stack stands in git; null outside a work tree. A repository JGit cannot read costs the
     * plan its provenance, with a warning, not the plan itself.
     */
    private GitProvenance provenance(PrintWriter err) {
        try {
            return services.sourceControl().provenance(desired.directory(), inputs()).orElse(null);
        } catch (GitException e) {
            err.println("cogform: warning: the plan records no git provenance: " + e.getMessage());
            return null;
        }
    }

    /** Where the stack stands in git now, for apply's checks; a broken repository is an error here. */
    GitProvenance provenanceNow() {
        return services.sourceControl().provenance(desired.directory(), inputs()).orElse(null);
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.close();
            }
        } finally {
            closeQuietly(gateway);
            closeQuietly(store);
        }
    }

    /** Releases HTTP clients and the in-process sandbox; a failure to close changes no outcome. */
    private static void closeQuietly(Object resource) {
        if (resource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Nothing is left to save at this point; the process is about to end.
            }
        }
    }
}

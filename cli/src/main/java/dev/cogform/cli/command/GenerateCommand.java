package dev.cogform.cli.command;

import dev.cogform.cli.wiring.StackServices;
import dev.cogform.cli.view.Colors;
import dev.cogform.cli.view.DiagnosticsView;
import dev.cogform.core.adopt.StackWriter;
import dev.cogform.core.desired.DesiredPool;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.stack.DesiredStateLoader;
import dev.cogform.core.desired.LoadResult;
import dev.cogform.core.desired.ProviderConfig;
import dev.cogform.core.desired.StateConfig;
import dev.cogform.core.desired.Variables;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.DiagnosticException;
import dev.cogform.core.diag.ExitCode;
import dev.cogform.core.live.ClientSummary;
import dev.cogform.core.spec.RunRules;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cogform generate --pool POOL}: writes a complete cogform.yaml of a pool's live clients, each
 * with {@code import_id}, so that a stack can adopt existing clients: generate, plan, apply. The
 * provider is the stack's (or {@code --region}/{@code --endpoint} when the directory has no
 * cogform.yaml yet). Cognito and the state are only read.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a cogform.yaml of a pool's live clients (with import_id), to stdout or --out FILE.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:error, or written but some live settings need editing before plan"})
public final class GenerateCommand implements Callable<Integer> {

    private final StackServices services;

    @ParentCommand
    private GlobalOptions main;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private StackOptions stack;

    @Option(names = "--pool", required = true, paramLabel = "POOL",
            description = "A pool key of cogform.yaml, a pool id or a pool name.")
    private String pool;

    @ArgGroup(exclusive = true)
    private Which which;

    static final class Which {
        @Option(names = "--unmanaged", description = "Only clients the state does not manage.")
        boolean unmanaged;

        @Option(names = "--all", description = "Every client of the pool (default); managed ones keep their address.")
        boolean all;
    }

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (relative to the stack directory) instead of stdout.")
    private Path outFile;

    @Option(names = "--force", description = "Overwrite --out FILE if it exists.")
    private boolean force;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Without a cogform.yaml: the AWS region of the pool (else the AWS defaults chain decides).")
    private String region;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Without a cogform.yaml: a Cognito endpoint, or 'sandbox' for the embedded sandbox.")
    private String endpoint;

    public GenerateCommand(StackServices services) {
        this.services = services;
    }

    public GenerateCommand() {
        this(StackServices.standard());
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = main.directory();
        Optional<String> unusable = main.unusableDirectory();
        if (unusable.isPresent()) {
            err.println("cogform: " + unusable.get());
            return ExitCode.ERROR;
        }
        Path target = outFile == null ? null : dir.resolve(outFile);
        if (target != null && Files.exists(target) && !force) {
            err.println("cogform: " + outFile + " exists; add --force to overwrite it, or choose another --out");
            return ExitCode.ERROR;
        }
        boolean hasStack = Files.exists(dir.resolve(DesiredStateLoader.FILE_NAME));
        if (hasStack && (region != null || endpoint != null)) {
            err.println("cogform: --region and --endpoint are for a directory without cogform.yaml; this stack's"
                    + " provider block says where Cognito is");
            return ExitCode.ERROR;
        }
        DesiredState desired = hasStack ? loaded(dir, err)
                : new DesiredState(dir, new ProviderConfig(region, null, null, endpoint, null), null, List.of(), "");
        CognitoGateway gateway = services.gateway(desired);
        StateStore store = hasStack ? services.stateStore(desired) : null;
        try {
            StateSnapshot state = store == null ? StateSnapshot.empty() : store.read();
            String[] resolved = resolve(desired, gateway);
            String poolKey = resolved[0];
            String poolId = resolved[1];
            Map<String, String> managed = new HashMap<>();
            for (ClientRecord r : state.clients().values()) {
                if (r.poolId().equals(poolId)) {
                    managed.put(r.clientId(), r.address().pool().equals(poolKey) ? r.address().client() : null);
                }
            }
            List<ClientSummary> listed;
            try {
                listed = gateway.listClients(poolId);
            } catch (GatewayException e) {
                throw refusal(e.error() == GatewayError.NOT_FOUND ? "pool " + poolId + " does not exist"
                        : "listing the clients of pool " + poolId + " failed: " + e.detail());
            }
            List<LiveClient> clients = new ArrayList<>();
            Map<String, String> keys = new HashMap<>();
            for (ClientSummary s : listed) {
                boolean isManaged = managed.containsKey(s.clientId());
                if (isManaged && which != null && which.unmanaged) {
                    continue;
                }
                gateway.describe(poolId, s.clientId()).ifPresent(clients::add);
                if (isManaged && managed.get(s.clientId()) != null) {
                    keys.put(s.clientId(), managed.get(s.clientId()));
                }
            }
            ProviderConfig provider = desired.provider();
            String text = StackWriter.write(provider, desired.state(), new StackWriter.Pool(poolKey, poolId, clients, keys));
            if (target == null) {
                out.print(text);
                out.flush();
            } else {
                Files.writeString(target, text);
                out.println("Wrote " + outFile + ": pool " + poolKey + " (" + poolId + ") with " + clients.size()
                        + " client" + (clients.size() == 1 ? "" : "s") + ", each with import_id.");
                out.println("Next: 'cogform plan' shows the imports; 'cogform apply' records them.");
                out.flush();
            }
            return check(dir, text, err);
        } finally {
            close(gateway);
            close(store);
        }
    }

    private DesiredState loaded(Path dir, PrintWriter err) {
        LoadResult loaded = services.load(dir, stack.variables(dir));
        if (!loaded.ok()) {
            throw new DiagnosticException(loaded.diagnostics());
        }
        return loaded.state();
    }

    /** The pool key to write and the pool id: a key of cogform.yaml, else a pool id, else a pool name. */
    private String[] resolve(DesiredState desired, CognitoGateway gateway) {
        Optional<DesiredPool> byKey = desired.pool(pool);
        if (byKey.isPresent()) {
            DesiredPool p = byKey.get();
            String id = p.id() != null ? p.id() : services.poolResolver(desired, gateway).poolId(p.name())
                    .orElseThrow(() -> refusal("pool name \"" + p.name() + "\" (pool " + pool + ") not found"));
            return new String[] {pool, id};
        }
        String id;
        String key;
        if (pool.matches("[\\w-]+_[0-9a-zA-Z]+")) {
            id = pool;
            key = null;
        } else {
            id = gateway.findPoolIdByName(pool).orElseThrow(() -> refusal("no pool key, pool id or pool name is \""
                    + pool + "\"" + (desired.pools().isEmpty() ? "" : "; the stack's pool keys are "
                    + String.join(", ", desired.pools().stream().map(DesiredPool::key).toList()))));
            key = StackWriter.derive(pool);
        }
        for (DesiredPool p : desired.pools()) {
            if (id.equals(p.id())) {
                return new String[] {p.key(), id};
            }
        }
        return new String[] {key != null ? key : "main", id};
    }

    /** Loads what was written; what it cannot express is reported with why, and the exit code says so. */
    private int check(Path dir, String text, PrintWriter err) {
        LoadResult result = DesiredStateLoader.load(dir, text, Variables.none());
        List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (errors.isEmpty()) {
            return ExitCode.OK;
        }
        err.println("cogform: some live settings cannot be written as valid cogform.yaml; edit them before"
                + " 'cogform plan' (the plan then shows the fix as an update):");
        new DiagnosticsView(err, Colors.OFF).render(errors);
        return ExitCode.ERROR;
    }

    private static DiagnosticException refusal(String message) {
        return new DiagnosticException(List.of(RunRules.GENERATE_POOL.diagnostic(null, message,
                "give a pool key of cogform.yaml, a pool id (REGION_ID) or the pool's exact name", null)));
    }

    private static void close(Object resource) {
        if (resource instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Only reads happened; nothing is left to save.
            }
        }
    }
}

package dev.cogform.bench.command;

import dev.cogform.bench.BenchOptions;
import dev.cogform.bench.BenchReport;
import dev.cogform.bench.Benchmark;
import dev.cogform.core.diag.ExitCode;
import dev.cogform.state.StateBackends;
import dev.cogform.state.local.LocalStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cogform bench}: measures refresh and plan (and apply) of many clients against an
 * in-process sandbox with quotas on, and compares the wall time with the quota floor.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures refresh+plan (and apply) of N clients against an in-process sandbox, quotas on.",
            "The sandbox is not AWS. Reports the wall time, the quota floor (the least time the quotas allow for"
                + " the requests made), their ratio, and throttled and failed calls. See docs/performance.md."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the versioned JSON report instead of text.")
    private boolean json;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "100",
            description = "App clients to plan (default: ${DEFAULT-VALUE}).")
    private int clients;

    @Option(names = "--pools", paramLabel = "P", defaultValue = "5",
            description = "User pools the clients are spread over (default: ${DEFAULT-VALUE}).")
    private int pools;

    @Option(names = "--quota-scale", paramLabel = "X", defaultValue = "1",
            description = "Multiply Cognito's request-rate quotas, in the sandbox and in cogform's rate limiter "
                    + "(default: ${DEFAULT-VALUE}, Cognito's rates: 100 clients take about 7 s). Keep the floor at "
                    + "several seconds: the quotas' first-second burst weighs more in shorter runs.")
    private double quotaScale;

    @Option(names = "--phase", paramLabel = "PHASE", defaultValue = "plan", converter = PhaseConverter.class,
            description = "plan (refresh+plan of N managed clients), apply (refresh+plan+apply of N creates) or both "
                    + "(default: ${DEFAULT-VALUE}).")
    private BenchOptions.Phase phase;

    @Option(names = "--state", paramLabel = "s3://BUCKET/PREFIX",
            description = "Record the apply phase's state in S3 under this prefix (a fresh key per run) instead of"
                    + " a local file; with --s3-endpoint for an S3-compatible server such as moto_server.")
    private String s3State;

    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "The S3 endpoint for --state.")
    private String s3Endpoint;

    @Option(names = "--s3-region", paramLabel = "REGION", defaultValue = "us-east-1",
            description = "The region for --state (default: ${DEFAULT-VALUE}).")
    private String s3Region;

    @Override
    public Integer call() {
        BenchOptions options;
        try {
            options = new BenchOptions(clients, pools, quotaScale, phase);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        BenchView view = new BenchView(spec.commandLine().getOut(), spec.commandLine().getErr(), json);
        Path stateDir = tempDir();
        try {
            java.util.function.Supplier<dev.cogform.core.state.StateStore> store = s3State == null
                    ? () -> LocalStore.open(stateDir.resolve("state.json"))
                    : () -> StateBackends.standard().openTarget(s3State.replaceAll("/+$", "") + "/bench-"
                            + java.util.UUID.randomUUID() + ".json", s3Options(), stateDir);
            BenchReport report = Benchmark.run(options, store, view);
            view.report(report);
            return report.clean() ? ExitCode.OK : ExitCode.ERROR;
        } finally {
            delete(stateDir);
        }
    }

    private java.util.Map<String, String> s3Options() {
        java.util.Map<String, String> options = new java.util.HashMap<>();
        options.put("region", s3Region);
        options.put("endpoint", s3Endpoint);
        return options;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("cogform-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the apply phase's state: "
                    + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }

    /** {@code plan}, {@code apply} or {@code both}, in any case. */
    static final class PhaseConverter implements CommandLine.ITypeConverter<BenchOptions.Phase> {
        @Override
        public BenchOptions.Phase convert(String value) {
            try {
                return BenchOptions.Phase.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a phase; use plan, apply or both");
            }
        }
    }
}

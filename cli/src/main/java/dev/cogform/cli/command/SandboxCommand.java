package dev.cogform.cli.command;


import dev.cogform.cli.view.SandboxView;
import dev.cogform.sandbox.FaultPlan;
import dev.cogform.sandbox.Sandbox;
import dev.cogform.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cogform sandbox}: runs the embedded Cognito sandbox until interrupted. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Runs a local Cognito sandbox (not AWS) for other tools, until interrupted (Ctrl-C).",
            "It speaks Cognito's API for user pools and app clients, with Cognito's update, validation and quota"
                + " behaviour, and prints its URL."})
public final class SandboxCommand implements Callable<Integer> {

    @ParentCommand
    private GlobalOptions main;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port to listen on; 0 (default) picks a free one.")
    private int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = SandboxOptions.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Keep pools and clients (secrets included, mode 0600) in FILE across restarts; "
                    + "default: memory only. Relative to -C.")
    private Path data;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = SandboxOptions.DEFAULT_REGION,
            description = "Region in pool ids and ARNs (default: ${DEFAULT-VALUE}).")
    private String region;

    @Option(names = "--quota-scale", paramLabel = "X", defaultValue = "1",
            description = "Multiply Cognito's request-rate quotas (15/s per category, 5/s per operation and pool).")
    private double quotaScale;

    @Option(names = "--no-quotas", description = "Lift the request-rate quotas.")
    private boolean noQuotas;

    @Option(names = "--faults", paramLabel = "SPEC", converter = FaultSpecConverter.class,
            description = {"Inject faults: OPERATION:KIND[:TRIGGER],... with KIND error|throttle|drop|drop-after|"
                    + "latency=<N>ms and TRIGGER always|next=<N>|rate=<0..1>,",
                "e.g. UpdateUserPoolClient:throttle:next=3,DescribeUserPoolClient:latency=50ms"})
    private FaultPlan faults;

    @Override
    public Integer call() {
        if (noQuotas && spec.commandLine().getParseResult().hasMatchedOption("--quota-scale")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--quota-scale and --no-quotas exclude each other: scale the quotas, or lift them");
        }
        SandboxOptions options;
        try {
            options = new SandboxOptions(host, port, data == null ? null : main.directory().resolve(data),
                    quotaScale, !noQuotas, faults, region);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage().endsWith("turn them off") ? e.getMessage() + " with --no-quotas" : e.getMessage();
            throw new CommandLine.ParameterException(spec.commandLine(), message, e);
        }
        Sandbox sandbox = Sandbox.start(options);
        Thread hook = new Thread(sandbox::close, "cogform-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            new SandboxView(spec.commandLine().getOut()).started(sandbox.endpoint(), options);
            new CountDownLatch(1).await(); // until Ctrl-C (the hook closes it) or the thread is interrupted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sandbox.close();
            removeHook(hook);
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook has run
        }
    }

    /** Reads {@code --faults} with {@link FaultPlan#parse}, so a bad spec is a usage error. */
    static final class FaultSpecConverter implements CommandLine.ITypeConverter<FaultPlan> {
        @Override
        public FaultPlan convert(String value) {
            try {
                return FaultPlan.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

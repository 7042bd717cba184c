package dev.cogform.bench.command;

import dev.cogform.core.diag.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code cogform bench} ({@code bench/target/cogform-bench.jar}); the launcher routes to it. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the benchmark command with the given streams and returns the exit code; tests call this. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setCommandName("cogform bench");
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("cogform bench: " + e.getMessage() + " (see 'cogform bench --help')");
            return ExitCode.ERROR;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("cogform bench: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return ExitCode.ERROR;
        });
        return cli.execute(args);
    }
}

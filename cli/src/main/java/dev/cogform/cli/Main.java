package dev.cogform.cli;

import dev.cogform.cli.wiring.StackServices;
import dev.cogform.cli.command.ApplyCommand;
import dev.cogform.cli.command.DriftCommand;
import dev.cogform.cli.command.ChangedCommand;
import dev.cogform.cli.command.DiffCommand;
import dev.cogform.cli.command.GenerateCommand;
import dev.cogform.cli.command.ImportCommand;
import dev.cogform.cli.command.GlobalOptions;
import dev.cogform.cli.command.PlanCommand;
import dev.cogform.cli.command.SandboxCommand;
import dev.cogform.cli.command.SchemaCommand;
import dev.cogform.cli.command.SecretCommand;
import dev.cogform.cli.command.ShowCommand;
import dev.cogform.cli.command.StateCommand;
import dev.cogform.cli.command.ValidateCommand;
import dev.cogform.cli.view.DiagnosticsView;
import dev.cogform.core.Version;
import dev.cogform.core.diag.DiagnosticException;
import dev.cogform.core.diag.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code cogform} root command. */
@Command(name = "cogform",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Reconciles Amazon Cognito user pool app clients with the desired state in cogform.yaml.",
        subcommands = {CommandLine.HelpCommand.class, ValidateCommand.class, SchemaCommand.class, PlanCommand.class,
            ApplyCommand.class, DriftCommand.class, ShowCommand.class, ChangedCommand.class, DiffCommand.class,
            SecretCommand.class, ImportCommand.class, GenerateCommand.class, StateCommand.class, SandboxCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (plan --detailed-exitcode: no changes)",
            "1:error, invalid input or usage",
            "2:plan --detailed-exitcode: changes present; drift: drift at or above --fail-on",
            "3:apply FILE: the saved plan is stale and was refused"})
public final class Main implements Runnable, GlobalOptions {

    @Option(names = "-C", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Run as if started in DIR (the stack directory holding cogform.yaml); drift takes several.")
    private java.util.List<Path> directories = new java.util.ArrayList<>();

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of failures.")
    private boolean debug;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colour, also when NO_COLOR is set or output is not a terminal.")
    private boolean noColor;

    @Option(names = "--log-level", paramLabel = "LEVEL", scope = ScopeType.INHERIT, converter = LogLevelConverter.class,
            description = "Write a diagnostic log: error, warn, info (state writes, lock events), debug (also every"
                    + " Cognito call and state read) or trace (also the AWS SDK's log). Default: off, or $COGFORM_LOG.")
    private LogLevel logLevel;

    @Option(names = "--log-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Append the diagnostic log to FILE instead of standard error.")
    private Path logFile;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs cogform with the given streams and returns the exit code; tests call this. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    public static CommandLine commandLine() {
        return commandLine(StackServices.standard());
    }

    /**
     * The command tree with {@code services} handed to every command that takes them in its
     * constructor; tests pass fakes here.
     */
    public static CommandLine commandLine(StackServices services) {
        Main main = new Main();
        CommandLine cli = new CommandLine(main, new ServicesFactory(services));
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> failure(main, e, cmd));
        cli.setExecutionStrategy(parsed -> main.logged(services.environment(), parsed));
        return cli;
    }

    /** Runs the parsed command with the log the options or {@code COGFORM_LOG} ask for, closing it after. */
    private int logged(Map<String, String> environment, CommandLine.ParseResult parsed) {
        LogLevel level = logLevel;
        String fromEnvironment = environment.get("COGFORM_LOG");
        if (level == null && fromEnvironment != null && !fromEnvironment.isBlank()) {
            try {
                level = LogLevel.parse(fromEnvironment);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(),
                        "COGFORM_LOG: " + e.getMessage());
            }
        }
        if (level == null) {
            // Nothing asked for: leave Logback untouched (silent by default), and cheap to start.
            return new CommandLine.RunLast().execute(parsed);
        }
        try {
            Logging.start(level, logFile);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(), "--log-file: " + e.getMessage());
        }
        try {
            return new CommandLine.RunLast().execute(parsed);
        } finally {
            Logging.stop();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The stack directory given with {@code -C} (default: the working directory). */
    @Override
    public Path directory() {
        return directories.isEmpty() ? Path.of(".") : directories.get(directories.size() - 1);
    }

    @Override
    public java.util.List<Path> directories() {
        return java.util.List.copyOf(directories);
    }

    @Override
    public boolean noColor() {
        return noColor;
    }

    @Override
    public boolean debug() {
        return debug;
    }

    /** One line: what is wrong, a did-you-mean for a mistyped command or option, and where help is. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim()
                .replace("option option", "option"); // picocli's wording for a bad map entry
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            message += "; did you mean " + String.join(" or ", u.getSuggestions().stream().map(s -> "'" + s + "'").toList()) + "?";
        }
        cmd.getErr().println("cogform: " + message + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        return ExitCode.ERROR;
    }

    private static int failure(Main main, Exception e, CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        if (e instanceof DiagnosticException d) {
            DiagnosticsView.printHuman(err, d.diagnostics(), DiagnosticsView.SourceLines.files(main.directory()));
        } else {
            err.println("cogform: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        }
        if (main.debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.ERROR;
    }

    /** Builds commands with a {@code (StackServices)} constructor from {@code services}; others as picocli does. */
    private record ServicesFactory(StackServices services) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                var constructor = cls.getDeclaredConstructor(StackServices.class);
                return constructor.newInstance(services);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }

    /** Parses {@code --log-level} in any case, naming the accepted levels when it is none of them. */
    static final class LogLevelConverter implements CommandLine.ITypeConverter<LogLevel> {
        @Override
        public LogLevel convert(String value) {
            try {
                return LogLevel.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reports the version the jar was built as. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cogform " + Version.current()};
        }
    }
}

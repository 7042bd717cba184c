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
import dev.cogform.core.diag.FileFailures;
import dev.cogform.core.live.RetryReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (plan --detailed-exitcode: no changes)",
            "1:error, invalid input or usage",
            "2:plan --detailed-exitcode: changes present; drift: drift at or above --fail-on",
            "3:apply FILE: the saved plan is stale and was refused"})
public final class Main implements Runnable, GlobalOptions {

    /**
     * The subcommands, in the order {@code --help} lists them. Register a new command here: only the
     * one a run names gets its picocli model built (see {@link #commandLine(StackServices, String...)}).
     */
    static final List<Class<?>> COMMANDS = List.of(CommandLine.HelpCommand.class, ValidateCommand.class,
            SchemaCommand.class, PlanCommand.class, ApplyCommand.class, DriftCommand.class, ShowCommand.class,
            ChangedCommand.class, DiffCommand.class, SecretCommand.class, ImportCommand.class, GenerateCommand.class,
            StateCommand.class, SandboxCommand.class);

    /**
     * Set by the {@code ./cogform} launcher on the run that records its class-data archive: the JVM runs
     * {@link ArchiveTraining} instead of a command, so the archive holds the classes of every command.
     */
    static final String TRAINING_PROPERTY = "cogform.cdsTraining";

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
        if (Boolean.getBoolean(TRAINING_PROPERTY)) {
            System.exit(ArchiveTraining.run());
        }
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs cogform with the given streams and returns the exit code; tests call this. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(StackServices.standard(), out, err, args);
    }

    /** Runs cogform on {@code services} with the given streams, building only the command {@code args} name. */
    public static int run(StackServices services, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(services, args);
        cli.setOut(out);
        cli.setErr(err);
        RetryReports.reportTo(line -> {
            err.println(line);
            err.flush();
        });
        return cli.execute(args);
    }

    /** The whole command tree on the standard services. */
    public static CommandLine commandLine() {
        return commandLine(StackServices.standard());
    }

    /**
     * The whole command tree with {@code services} handed to every command that takes them in its
     * constructor; tests pass fakes here.
     */
    public static CommandLine commandLine(StackServices services) {
        return tree(services, null, true);
    }

    /**
     * The command tree for a run of {@code args}: the command they name is built in full, every other
     * one is a placeholder holding only its name and summary, enough for the root's {@code --help} and
     * for did-you-mean. Picocli builds a command's model by reflection over its fields, mixins and
     * converters; doing that for every command was most of the start-up of a short command. Should
     * parsing reach a placeholder after all (an {@code @file} argument, say), the run starts over on
     * the whole tree, so laziness never changes behaviour.
     */
    public static CommandLine commandLine(StackServices services, String... args) {
        return tree(services, args, false);
    }

    private static CommandLine tree(StackServices services, String[] args, boolean whole) {
        Main main = new Main();
        ServicesFactory factory = new ServicesFactory(services);
        CommandLine cli = new CommandLine(main, factory);
        String named = whole ? null : commandName(cli.getCommandSpec(), args);
        boolean all = whole || "help".equals(named); // help COMMAND prints that command's usage
        for (Class<?> type : COMMANDS) {
            Command command = type.getAnnotation(Command.class);
            if (all || command.name().equals(named)) {
                cli.addSubcommand(command.name(), type);
            } else {
                cli.addSubcommand(command.name(), placeholder(command));
            }
        }
        cli.setParameterExceptionHandler((e, arguments) -> isPlaceholder(e.getCommandLine())
                ? wholeTree(services, e.getCommandLine(), arguments)
                : usageError(e, arguments));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> failure(main, e, cmd));
        cli.setExecutionStrategy(parsed -> parsed.asCommandLineList().stream().anyMatch(Main::isPlaceholder)
                ? wholeTree(services, parsed.commandSpec().commandLine(), parsed.originalArgs().toArray(String[]::new))
                : main.logged(services.environment(), parsed));
        return cli;
    }

    /** The first argument that is neither a root option nor its value: the command a run names, or null. */
    static String commandName(CommandLine.Model.CommandSpec root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || arg.equals("-")) {
                return arg;
            }
            CommandLine.Model.OptionSpec option = root.findOption(arg);
            if (option != null && option.arity().max() > 0) {
                i++; // "-C DIR", "--log-level LEVEL": skip the value
            }
        }
        return null;
    }

    /** The user object of placeholder commands; never run. */
    private static final Object PLACEHOLDER = new Object();

    private static CommandLine placeholder(Command command) {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(PLACEHOLDER);
        spec.aliases(command.aliases());
        spec.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
        return new CommandLine(spec);
    }

    private static boolean isPlaceholder(CommandLine cmd) {
        return cmd.getCommandSpec().userObject() == PLACEHOLDER;
    }

    /** Runs {@code args} again on the whole tree, with the streams of the lazy one. */
    private static int wholeTree(StackServices services, CommandLine lazy, String[] args) {
        CommandLine root = lazy;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        CommandLine whole = commandLine(services);
        whole.setOut(root.getOut());
        whole.setErr(root.getErr());
        return whole.execute(args);
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
        } else if (e instanceof IOException io) {
            err.println("cogform: " + FileFailures.of(io)); // never a bare path or a Java exception's name
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

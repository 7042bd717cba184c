package dev.cogform.cli.command;

import dev.cogform.cli.wiring.StackServices;
import dev.cogform.cli.view.Colors;
import dev.cogform.cli.view.DiagnosticsView;
import dev.cogform.cli.view.DriftView;
import dev.cogform.cli.view.HumanDriftView;
import dev.cogform.cli.view.JsonDriftView;
import dev.cogform.cli.view.JunitDriftView;
import dev.cogform.cli.view.MarkdownDriftView;
import dev.cogform.cli.view.SarifDriftView;
import dev.cogform.cli.view.SlackDriftMessage;
import dev.cogform.core.Version;
import dev.cogform.core.stack.DesiredStateLoader;
import dev.cogform.core.diag.ExitCode;
import dev.cogform.core.diag.FileFailures;
import dev.cogform.core.drift.Baseline;
import dev.cogform.core.drift.DriftReport;
import dev.cogform.core.drift.IgnoreRules;
import dev.cogform.core.model.DriftSeverity;
import dev.cogform.core.drift.StackReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cogform drift}: a read-only check of one or many stacks for drift, built for schedules.
 * Never writes Cognito or the state, and never takes the state lock.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Report drift: live clients vs the last applied state and vs cogform.yaml, unmanaged clients"
                + " and coverage, with severities, ignore rules and baselines. Read-only: takes no lock, writes nothing.",
            "Statuses, severities, the JSON format and the ignore file: docs/drift.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:in sync (with --baseline: nothing new, changed or resolved)",
            "1:error, a client not checked, an expired ignore rule, or a failed notification with drift",
            "2:drift at or above --fail-on (with --baseline: new, changed or resolved drift)"})
public final class DriftCommand implements Callable<Integer> {

    /** The report formats. */
    public enum Format { text, json, markdown, sarif, junit }

    private final StackServices services;

    @ParentCommand
    private GlobalOptions main;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private StackOptions stack;

    @Option(names = "--stacks", paramLabel = "GLOB",
            description = "Check every directory under -C (default: .) matching GLOB that holds a cogform.yaml, such as 'stacks/**'.")
    private String stacksGlob;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown, sarif or junit (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--json", description = "The same as --format json, as plan, show and validate take it.")
    private boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of standard output (paths are relative to the working directory).")
    private Path outFile;

    @Option(names = "--report", paramLabel = "FORMAT=FILE",
            description = "Also write the same report in FORMAT to FILE, such as --report sarif=drift.sarif; repeat"
                    + " for more. One run, so every format tells the same findings and Cognito is read once.")
    private Map<Format, Path> reports = new EnumMap<>(Format.class);

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "A previous JSON report: findings become new, changed, unchanged or resolved; only news fails or notifies.")
    private Path baselineFile;

    @Option(names = "--ignore", paramLabel = "FILE", description = "Ignore rules and severity overrides (YAML; docs/drift.md).")
    private Path ignoreFile;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "low",
            converter = SeverityConverter.class,
            description = "Exit 2 for drift of this severity or above: low, medium or high (default: ${DEFAULT-VALUE}).")
    private DriftSeverity failOn;

    @Option(names = "--notify", paramLabel = "URL",
            description = "POST new, changed and resolved findings to this webhook (Slack-compatible JSON).")
    private URI notify;

    public DriftCommand(StackServices services) {
        this.services = services;
    }

    public DriftCommand() {
        this(StackServices.standard());
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (json) {
            if (format != Format.text && format != Format.json) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--json and --format " + format + " ask for two formats; give one (--report writes more)");
            }
            format = Format.json;
        }
        Colors colors = new Colors(!main.noColor() && outFile == null && format == Format.text
                && services.terminal().interactive() && services.environment().getOrDefault("NO_COLOR", "").isEmpty());
        LocalDate today = LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC);
        Path base = main.directory();
        IgnoreRules ignore = IgnoreRules.none();
        if (ignoreFile != null) {
            ignore = IgnoreRules.parse(read(ignoreFile, "--ignore"), ignoreFile.toString(), today);
        }
        Baseline baseline = null;
        if (baselineFile != null) {
            try {
                baseline = JsonDriftView.readBaseline(read(baselineFile, "--baseline"));
            } catch (IOException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--baseline " + baselineFile + ": " + e.getMessage());
            }
        }
        checkWritable(outFile, "--out");
        reports.forEach((f, file) -> checkWritable(file, "--report " + f));
        List<DriftRun.Target> targets = targets(base);
        if (targets.isEmpty()) {
            err.println("cogform: --stacks '" + stacksGlob + "' matches no directory with a cogform.yaml under "
                    + base.toAbsolutePath().normalize());
            return ExitCode.ERROR;
        }
        List<StackReport> stacks = new DriftRun(services, stack::variables, ignore).run(targets);
        DriftReport report = new DriftReport(DriftReport.FORMAT_VERSION, Version.current(), services.clock().instant(),
                false, failOn, stacks, ignore.diagnostics());
        if (baseline != null) {
            report = baseline.apply(report);
        }
        int exit = report.exitCode();
        if (outFile == null) {
            view(format, out, colors).render(report);
        } else if (!write(outFile, "--out", format, report, err)) {
            exit = ExitCode.ERROR;
        }
        for (Map.Entry<Format, Path> r : reports.entrySet()) {
            if (!write(r.getValue(), "--report " + r.getKey(), r.getKey(), report, err)) {
                exit = ExitCode.ERROR;
            }
        }
        new DiagnosticsView(err, new Colors(false)).render(report.allDiagnostics());
        if (notify != null && !report.news().isEmpty()) {
            String failure = new Notifier(Duration.ofMillis(200)).post(notify, SlackDriftMessage.render(report));
            if (failure != null) {
                err.println("cogform: warning: the notification was not delivered: " + failure);
                if (exit != ExitCode.OK) {
                    exit = ExitCode.ERROR;
                }
            }
        }
        err.flush();
        return exit;
    }

    /** Renders the report in {@code f} into {@code file}; false, having said why, when it cannot be written. */
    private static boolean write(Path file, String option, Format f, DriftReport report, PrintWriter err) {
        StringWriter rendered = new StringWriter();
        view(f, new PrintWriter(rendered), new Colors(false)).render(report);
        try {
            Files.writeString(file, rendered.toString());
            return true;
        } catch (IOException e) {
            err.println("cogform: " + option + " " + file + " cannot be written: " + FileFailures.writing(file, e));
            return false;
        }
    }

    /** Refuses, before anything is read, an output file whose directory is missing. */
    private void checkWritable(Path file, String option) {
        Path parent = file == null ? null : file.toAbsolutePath().normalize().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), option + " " + file
                    + ": the directory " + parent + " does not exist (paths are relative to the working directory)");
        }
    }

    private static DriftView view(Format format, PrintWriter out, Colors colors) {
        return switch (format) {
            case text -> new HumanDriftView(out, colors);
            case json -> new JsonDriftView(out);
            case markdown -> new MarkdownDriftView(out);
            case sarif -> new SarifDriftView(out);
            case junit -> new JunitDriftView(out);
        };
    }

    /** The stacks: matches of --stacks under the (last) -C directory, else every -C directory. */
    private List<DriftRun.Target> targets(Path base) throws IOException {
        List<DriftRun.Target> out = new ArrayList<>();
        if (stacksGlob == null) {
            List<Path> dirs = main.directories().isEmpty() ? List.of(Path.of(".")) : main.directories();
            dirs.forEach(d -> out.add(new DriftRun.Target(d.toString(), d)));
            return out;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + stacksGlob);
        try (Stream<Path> walk = Files.walk(base)) {
            walk.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(DesiredStateLoader.FILE_NAME))
                    .map(Path::getParent)
                    .filter(d -> matcher.matches(base.relativize(d)))
                    .sorted()
                    .forEach(d -> out.add(new DriftRun.Target(base.relativize(d).toString().isEmpty() ? base.toString()
                            : base.equals(Path.of(".")) ? base.relativize(d).toString() : d.toString(), d)));
        }
        return out;
    }

    /** Far above any ignore file or drift report (10,000 clients with findings take a few MB), read unseen. */
    static final long MAX_INPUT_BYTES = 64L * 1024 * 1024;

    private String read(Path file, String option) {
        try {
            // Bounded before reading: /dev/zero or a FIFO would be read forever, a huge file would fill the heap.
            if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), option + " " + file
                        + " " + FileFailures.NOT_REGULAR);
            }
            if (Files.exists(file) && Files.size(file) > MAX_INPUT_BYTES) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), option + " " + file
                        + " is larger than " + MAX_INPUT_BYTES / (1024 * 1024) + " MB; check the path");
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    option + " " + file + " " + FileFailures.reading(file, e));
        }
    }

    /** Parses {@code low|medium|high}. */
    static final class SeverityConverter implements picocli.CommandLine.ITypeConverter<DriftSeverity> {
        @Override
        public DriftSeverity convert(String value) {
            try {
                return DriftSeverity.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

}

package dev.cogform.cli.command;

import dev.cogform.cli.git.StackAtCommit;
import dev.cogform.cli.view.DesiredDiffView;
import dev.cogform.core.desired.LoadResult;
import dev.cogform.core.diag.DiagnosticException;
import dev.cogform.core.diag.ExitCode;
import dev.cogform.core.review.DesiredDiff;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cogform diff --base REF}: what a branch changes in the desired state, from cogform.yaml at the
 * merge base and at HEAD, read from git. No state, no Cognito, no credentials: it works on fork PRs.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what a branch changes in the desired state: cogform.yaml at the merge base of REF and at"
                + " HEAD, read from git (committed content only). Needs no AWS credentials and no state.",
            "Needs the history down to the merge base: fetch-depth: 0 in actions/checkout."})
public final class DiffCommand implements Callable<Integer> {

    /** How the diff is printed. */
    public enum Format { TEXT, MARKDOWN, JSON }

    @ParentCommand
    private GlobalOptions main;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private StackOptions stack;

    @Option(names = "--base", paramLabel = "REF", required = true,
            description = "The branch the changes are made against, e.g. origin/main.")
    private String base;

    @Option(names = "--head", paramLabel = "REF", defaultValue = "HEAD",
            description = "The commit to compare (default: ${DEFAULT-VALUE}); on a GitHub pull_request run, the PR head.")
    private String head;

    @Option(names = "--format", paramLabel = "text|markdown|json", defaultValue = "text", converter = FormatConverter.class,
            description = "text (default), markdown (a pull-request comment) or json.")
    private Format format;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> unusable = main.unusableDirectory();
        if (unusable.isPresent()) {
            err.println("cogform: " + unusable.get());
            return ExitCode.ERROR;
        }
        StackAtCommit.Sides sides = StackAtCommit.load(main.directory(), base, head, stack.variables(main.directory()));
        LoadResult before = sides.before().loaded();
        LoadResult after = sides.after().loaded();
        check(before, "the merge base with " + base + " (" + sides.before().commit().substring(0, 12) + ")", err);
        check(after, head + " (" + sides.after().commit().substring(0, 12) + ")", err);
        DesiredDiff diff = DesiredDiff.between(before == null ? null : before.state(), after.state());
        DesiredDiffView view = new DesiredDiffView(spec.commandLine().getOut());
        switch (format) {
            case TEXT -> view.text(sides, diff);
            case MARKDOWN -> view.markdown(sides, diff);
            case JSON -> view.json(sides, diff);
        }
        return ExitCode.OK;
    }

    /** A side whose YAML does not load is an error: its diagnostics, after a line saying which commit. */
    private static void check(LoadResult loaded, String where, PrintWriter err) {
        if (loaded != null && !loaded.ok()) {
            err.println("cogform: cogform.yaml at " + where + " does not load:");
            throw new DiagnosticException(loaded.diagnostics());
        }
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format; use text,"
                        + " markdown or json");
            }
        }
    }
}

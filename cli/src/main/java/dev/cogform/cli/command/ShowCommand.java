package dev.cogform.cli.command;

import dev.cogform.cli.wiring.StackServices;
import dev.cogform.cli.view.DiagnosticsView;
import dev.cogform.cli.view.HumanPlanView;
import dev.cogform.core.diag.ExitCode;
import dev.cogform.core.diag.FileFailures;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cogform show FILE}: renders a saved plan, as text or its JSON. Reads nothing else. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a plan saved with 'cogform plan --out FILE': as text, JSON or a Markdown comment.")
public final class ShowCommand implements Callable<Integer> {

    private final StackServices services;

    @ParentCommand
    private GlobalOptions main;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private OutputOptions output;

    @Mixin
    private PlanFormatOptions format;

    @Parameters(paramLabel = "FILE", description = "The saved plan.")
    private Path file;

    public ShowCommand(StackServices services) {
        this.services = services;
    }

    public ShowCommand() {
        this(StackServices.standard());
    }

    @Override
    public Integer call() throws IOException {
        Plan plan = SavedPlans.read(main.directory().resolve(file));
        PlanFormatOptions.Format chosen = format.format(output);
        var colors = chosen == PlanFormatOptions.Format.TEXT ? output.colors(services, main.noColor()) : dev.cogform.cli.view.Colors.OFF;
        format.view(chosen, spec.commandLine().getOut(), colors, main.directory().toString()).render(plan);
        if (chosen == PlanFormatOptions.Format.TEXT) {
            spec.commandLine().getOut().println();
            new HumanPlanView(spec.commandLine().getOut(), colors).provenance(plan);
        }
        new DiagnosticsView(spec.commandLine().getErr(), colors).render(plan.diagnostics());
        return ExitCode.OK;
    }

    /** Reading a saved plan file, with messages that say which file and what is wrong. */
    static final class SavedPlans {
        /** Larger files are refused unread: a plan of 10,000 clients is a few tens of MB. */
        static final long MAX_BYTES = 128L * 1024 * 1024;

        private SavedPlans() {
        }

        static Plan read(Path file) throws IOException {
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("plan file " + file + " does not exist; write one with"
                        + " 'cogform plan --out " + file.getFileName() + "'");
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("plan file " + file + " " + FileFailures.NOT_REGULAR
                        + "; give the file 'cogform plan --out' wrote");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("plan file " + file + " is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MB, far more than any cogform plan; check the path");
            }
            try {
                return PlanFile.read(Files.readString(file));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new IllegalArgumentException("plan file " + file + " is not a plan: it is not UTF-8 text (a plan is"
                        + " the JSON 'cogform plan --out' writes)", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
    }
}

package dev.cogform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.cli.command.PlanCommand;
import dev.cogform.cli.command.ValidateCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run builds only the command it names ({@link Main#commandLine(dev.cogform.cli.wiring.StackServices,
 * String...)}); what the user sees is the same as with the whole tree.
 */
class LazyCommandTreeTest {

    private static final Path QUICKSTART = ExamplesTest.EXAMPLES.resolve("quickstart");

    @Test
    void rootHelp_isTheWholeTreesHelp() {
        StringWriter whole = new StringWriter();
        Main.commandLine().usage(new PrintWriter(whole));

        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(whole.toString());
    }

    @Test
    void run_buildsTheNamedCommandOnly() {
        CommandLine tree = Main.commandLine(new FakeServices(), "-C", "dir", "--log-level", "debug", "validate");

        assertThat(tree.getSubcommands().get("validate").getCommandSpec().userObject())
                .isInstanceOf(ValidateCommand.class);
        assertThat(tree.getSubcommands().get("plan").getCommandSpec().userObject())
                .isNotInstanceOf(PlanCommand.class);
        assertThat(tree.getSubcommands().keySet()).containsExactlyElementsOf(Main.commandLine().getSubcommands().keySet());
    }

    @Test
    void commandName_skipsRootOptionsAndTheirValues() {
        var root = Main.commandLine().getCommandSpec();

        assertThat(Main.commandName(root, new String[] {"-C", "plan", "validate"})).isEqualTo("validate");
        assertThat(Main.commandName(root, new String[] {"--log-file", "f", "--debug", "plan"})).isEqualTo("plan");
        assertThat(Main.commandName(root, new String[] {"-Cdir", "--log-level=debug", "apply", "x"})).isEqualTo("apply");
        assertThat(Main.commandName(root, new String[] {"--help"})).isNull();
    }

    @Test
    void helpCommand_printsTheNamedCommandsFullUsage() {
        CliRun run = CliRun.of("help", "plan");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: cogform plan").contains("--detailed-exitcode");
    }

    @Test
    void mistypedCommand_stillSuggestsTheRightOne() {
        CliRun run = CliRun.of("plna");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("did you mean 'plan'");
    }

    @Test
    void argumentFile_namingTheCommand_runsItOnTheWholeTree(@TempDir Path dir) throws Exception {
        // The launcher-side guess sees "@args" and builds no command; parsing then reaches a placeholder.
        Path args = Files.writeString(dir.resolve("args"), "-C " + QUICKSTART + " validate\n");

        CliRun run = CliRun.of("@" + args);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("cogform.yaml is valid");
    }

    @Test
    void argumentFile_withABadOption_reportsTheRealCommandsError(@TempDir Path dir) throws Exception {
        Path args = Files.writeString(dir.resolve("args"), "validate --bogus\n");

        CliRun run = CliRun.of("@" + args);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("cogform: Unknown option: '--bogus'").contains("cogform validate --help");
    }
}

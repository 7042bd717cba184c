package dev.cogform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code --help} works on every command and subcommand, walked from the real command tree. */
class HelpTest {

    static Stream<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, into);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("commandPaths")
    void help_onEveryCommand_printsItsUsageAndExits0(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: " + String.join(" ", Stream.concat(Stream.of("cogform"),
                path.stream()).toList()));
    }

    @ParameterizedTest
    @MethodSource("commandPaths")
    void help_withDirectoryAfterTheCommand_printsItsUsage(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.addAll(List.of("-C", "/nonexistent", "--help"));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: cogform");
    }

    @ParameterizedTest
    @MethodSource("commandPaths")
    void noColor_isAcceptedByEveryCommand(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.addAll(List.of("--no-color", "--help"));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @ParameterizedTest
    @MethodSource("commandPaths")
    void summary_inTheParentsCommandList_isOneWholeSentence(List<String> path) {
        CommandLine cmd = Main.commandLine();
        for (String name : path) {
            cmd = cmd.getSubcommands().get(name);
        }
        String summary = cmd.getCommandSpec().usageMessage().description()[0];

        assertThat(summary).endsWith(".");
    }
}

package dev.cogform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.cli.CliRun;
import dev.cogform.cli.Main;
import dev.cogform.cli.wiring.StackServices;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.LoadResult;
import dev.cogform.core.desired.Variables;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.refresh.PoolResolver;
import dev.cogform.core.state.StateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's quickstart, run as written: the {@code ./cogform} lines of its first code block, in order,
 * in-process on a copy of examples/quickstart, answering {@code yes} where apply asks, as a user would.
 */
class QuickstartTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path temp;

    @Test
    void readmeQuickstart_plansAndAppliesOnTheSandbox_thenHasNoChanges() throws IOException {
        List<List<String>> commands = readmeCommands();
        assertThat(commands).as("README's first command").first()
                .isEqualTo(List.of("apply", "-C", "examples/quickstart", "--auto-approve"));
        Path stack = temp.resolve("quickstart");
        copy(ROOT.resolve("examples/quickstart"), stack);

        List<CliRun> runs = new ArrayList<>();
        for (List<String> command : commands) {
            String[] args = command.stream().map(a -> a.equals("examples/quickstart") ? stack.toString() : a)
                    .toArray(String[]::new);
            CliRun run = runAnsweringYes(args);
            assertThat(run.exitCode()).as("./cogform %s%n%s%n%s", String.join(" ", command), run.out(), run.err())
                    .isZero();
            runs.add(run);
        }

        CliRun first = runs.get(0);
        assertThat(first.out()).contains("sandbox").contains("Plan: 2 to add, 0 to change, 0 to replace, 0 to destroy.")
                .contains("Apply complete! Clients: 2 added");
        CliRun after = runAnsweringYes("plan", "-C", stack.toString(), "--detailed-exitcode");
        assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
        assertThat(after.out()).contains("sandbox").contains("No changes.");
        assertThat(stack.resolve(".cogform/state.json")).exists();
    }

    /** The arguments of each {@code ./cogform} line in README's first bash block. */
    private static List<List<String>> readmeCommands() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("```bash\n");
        assertThat(start).as("README has a bash block").isNotNegative();
        String block = readme.substring(start + 8, readme.indexOf("```", start + 8));
        List<List<String>> commands = new ArrayList<>();
        for (String line : block.lines().toList()) {
            String code = line.replaceFirst("\\s+#.*$", "").strip();
            if (code.startsWith("./cogform ")) {
                commands.add(Arrays.asList(code.substring("./cogform ".length()).split("\\s+")));
            }
        }
        return commands;
    }

    /** Main's command line with the standard services, on a terminal where the user types yes. */
    private static CliRun runAnsweringYes(String... args) {
        StackServices standard = StackServices.standard();
        StackServices services = new StackServices() {
            @Override
            public LoadResult load(Path stackDir, Variables variables) {
                return standard.load(stackDir, variables);
            }

            @Override
            public CognitoGateway gateway(DesiredState stack) {
                return standard.gateway(stack);
            }

            @Override
            public PoolResolver poolResolver(DesiredState stack, CognitoGateway gateway) {
                return standard.poolResolver(stack, gateway);
            }

            @Override
            public StateStore stateStore(DesiredState stack) {
                return standard.stateStore(stack);
            }

            @Override
            public Clock clock() {
                return standard.clock();
            }

            @Override
            public Terminal terminal() {
                return new Terminal() {
                    @Override
                    public boolean interactive() {
                        return true;
                    }

                    @Override
                    public String readLine() {
                        return "yes";
                    }
                };
            }

            @Override
            public Map<String, String> environment() {
                return Map.of("NO_COLOR", "1");
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine(services);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path rel = from.relativize(f);
                if (rel.startsWith(".cogform")) {
                    continue; // a local run's sandbox and state, not part of the example
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}

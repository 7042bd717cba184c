package dev.cogform.cli;

import dev.cogform.cli.wiring.StackServices;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.LoadResult;
import dev.cogform.core.desired.Variables;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.state.StateStore;
import dev.cogform.core.testing.CallLog;
import dev.cogform.core.testing.FakeCognitoGateway;
import dev.cogform.core.testing.InMemoryStateStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Services for command tests: the stack is a {@link DesiredState} set by the test (the YAML loader is
 * not used), Cognito and the state are the core fakes, the clock is fixed, and the terminal is scripted.
 */
public final class FakeServices implements StackServices {

    public final Clock clock = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);
    public final CallLog log = new CallLog();
    public final FakeCognitoGateway cognito = new FakeCognitoGateway(clock, log);
    public final InMemoryStateStore store = new InMemoryStateStore(log);
    public final Map<String, String> env = new HashMap<>();
    public final Deque<String> input = new ArrayDeque<>();
    public DesiredState desired;
    public List<Diagnostic> loadDiagnostics = List.of();
    public boolean interactive;
    /** No git unless a test asks for it: the tests run inside cogform's own work tree. */
    public dev.cogform.cli.git.SourceControl sourceControl = dev.cogform.cli.git.SourceControl.none();

    @Override
    public dev.cogform.cli.git.SourceControl sourceControl() {
        return sourceControl;
    }

    @Override
    public LoadResult load(Path stackDir, Variables variables) {
        boolean errors = loadDiagnostics.stream().anyMatch(Diagnostic::isError);
        return new LoadResult(errors ? null : desired, loadDiagnostics);
    }

    @Override
    public CognitoGateway gateway(DesiredState stack) {
        return cognito;
    }

    @Override
    public StateStore stateStore(DesiredState stack) {
        return store;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Terminal terminal() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return interactive;
            }

            @Override
            public String readLine() {
                return input.poll();
            }
        };
    }

    @Override
    public Map<String, String> environment() {
        return env;
    }

    /** What one cogform run printed and returned. */
    public record Run(int exit, String out, String err) {
    }

    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine(this);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}

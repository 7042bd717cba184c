package dev.cogform.cli;

import dev.cogform.cli.wiring.StackServices;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --log-level}, {@code --log-file} and {@code COGFORM_LOG}, on real applies against the embedded sandbox. */
class LoggingTest {

    private static final Pattern CALL = Pattern.compile(
            "DEBUG \\[[^]]+] SdkCognitoGateway - (\\w+) pool=(\\S+) client=(\\S+) attempt=(\\d+) latency=(\\d+)ms"
                    + " throttled=(true|false) (ok|failed \\S+) request-id=(\\S+)");

    @TempDir
    Path stack;

    private static final List<String> CLIENTS = List.of("web", "api", "worker");

    private void stackFile() throws IOException {
        StringBuilder yaml = new StringBuilder("version: 1\nprovider:\n  region: us-east-1\n  endpoint: sandbox\n"
                + "pools:\n  main:\n    name: logging-test\n    clients:\n");
        for (String client : CLIENTS) {
            yaml.append("      ").append(client).append(":\n        name: ").append(client).append("-app\n")
                    .append("        generate_secret: true\n")
                    .append("        explicit_auth_flows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]\n");
        }
        Files.writeString(stack.resolve("cogform.yaml"), yaml);
    }

    private CliRun cogform(String... args) {
        List<String> all = new ArrayList<>(List.of("-C", stack.toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private List<String> recordedClientIds() throws IOException {
        JsonNode state = new ObjectMapper().readTree(stack.resolve(".cogform/state.json").toFile());
        List<String> ids = new ArrayList<>();
        state.findValues("client_id").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    @Test
    void apply_atDebug_logsEveryCognitoCall_stateWriteAndLockEvent_inOneLineEach() throws IOException {
        stackFile();
        Path log = stack.resolve("logs/cogform.log");

        CliRun apply = cogform("apply", "--auto-approve", "--log-level", "debug", "--log-file", log.toString());

        assertThat(apply.exitCode()).as(apply.err()).isZero();
        List<String> lines = Files.readAllLines(log);
        List<Matcher> calls = lines.stream().map(CALL::matcher).filter(Matcher::find).toList();
        assertThat(lines.stream().filter(l -> l.contains("SdkCognitoGateway"))).hasSameSizeAs(calls);
        assertThat(calls).isNotEmpty().allSatisfy(m -> {
            assertThat(m.group(2)).startsWith("us-east-1_");
            assertThat(m.group(7)).isEqualTo("ok");
        });
        List<String> created = calls.stream().filter(m -> m.group(1).equals("CreateUserPoolClient"))
                .map(m -> m.group(3)).toList();
        assertThat(created).containsExactlyInAnyOrderElementsOf(recordedClientIds());
        assertThat(lines).anyMatch(l -> l.contains("BlobStateStore - state write ") && l.contains("serial=1 bytes="));
        assertThat(lines).anyMatch(l -> l.contains("BlobStateStore - state read ") && l.contains("nothing stored"));
        assertThat(lines).anyMatch(l -> l.contains("FileLocker - lock ") && l.contains("acquired") && l.contains("'apply'"));
        assertThat(lines).anyMatch(l -> l.contains("FileLocker - lock ") && l.contains("released"));
        // The SDK's own loggers stay quiet below trace.
        assertThat(lines).allMatch(l -> l.contains("SdkCognitoGateway") || l.contains("BlobStateStore")
                || l.contains("FileLocker") || l.contains("Retrier"));
    }

    @Test
    void apply_atTrace_neverLogsAClientSecret() throws IOException {
        stackFile();
        Path log = stack.resolve("trace.log");

        CliRun apply = cogform("apply", "--auto-approve", "--log-level", "trace", "--log-file", log.toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        CliRun plan = cogform("plan", "--detailed-exitcode", "--log-level", "trace", "--log-file", log.toString());
        assertThat(plan.exitCode()).as(plan.err()).isZero();

        List<String> secrets = new ArrayList<>();
        for (String client : CLIENTS) {
            // Reading the secret is itself traced: its DescribeUserPoolClient response carries the secret.
            CliRun secret = cogform("secret", "main." + client, "--log-level", "trace", "--log-file", log.toString());
            assertThat(secret.exitCode()).as(secret.err()).isZero();
            secrets.add(secret.out().strip());
        }
        String logged = Files.readString(log);
        assertThat(secrets).hasSize(CLIENTS.size()).allSatisfy(s -> assertThat(s).hasSizeGreaterThan(20));
        assertThat(logged).contains("CreateUserPoolClient").contains("DescribeUserPoolClient")
                .contains("TRACE"); // the SDK's own log is on at trace
        for (String secret : secrets) {
            assertThat(logged).doesNotContain(secret);
        }
    }

    @Test
    void withoutALevel_nothingIsLogged_andCogformLogTurnsItOn_belowTheOption() throws IOException {
        stackFile();
        Path log = stack.resolve("quiet.log");

        CliRun quiet = cogform("apply", "--auto-approve", "--log-file", log.toString());
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(log).doesNotExist();

        CliRun fromEnvironment = withEnvironment("DEBUG", "plan", "--log-file", log.toString());
        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.err()).isZero();
        assertThat(Files.readString(log)).contains("DescribeUserPoolClient");

        Path off = stack.resolve("off.log");
        assertThat(withEnvironment("trace", "plan", "--log-level", "off", "--log-file", off.toString()).exitCode()).isZero();
        assertThat(off).doesNotExist();
    }

    @Test
    void anUnknownLevel_isAUsageError_namingTheLevels() {
        CliRun option = cogform("plan", "--log-level", "loud");
        assertThat(option.exitCode()).isEqualTo(1);
        assertThat(option.err()).contains("'loud' is not a log level; use off, error, warn, info, debug, trace");

        CliRun variable = withEnvironment("loud", "validate");
        assertThat(variable.exitCode()).isEqualTo(1);
        assertThat(variable.err()).contains("COGFORM_LOG: 'loud' is not a log level");
    }

    /** Runs cogform with the real services but {@code COGFORM_LOG} set to {@code level}. */
    private CliRun withEnvironment(String level, String... args) {
        StackServices real = StackServices.standard();
        StackServices services = new StackServices() {
            @Override
            public LoadResult load(Path stackDir, Variables variables) {
                return real.load(stackDir, variables);
            }

            @Override
            public CognitoGateway gateway(DesiredState desired) {
                return real.gateway(desired);
            }

            @Override
            public PoolResolver poolResolver(DesiredState desired, CognitoGateway gateway) {
                return real.poolResolver(desired, gateway);
            }

            @Override
            public StateStore stateStore(DesiredState desired) {
                return real.stateStore(desired);
            }

            @Override
            public Clock clock() {
                return real.clock();
            }

            @Override
            public Terminal terminal() {
                return real.terminal();
            }

            @Override
            public Map<String, String> environment() {
                return Map.of("COGFORM_LOG", level);
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(services);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("-C", stack.toString()));
        all.addAll(List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        return new CliRun(exit, out.toString(), err.toString());
    }
}

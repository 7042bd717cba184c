package dev.cogform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogform.cli.CliRun;
import dev.cogform.cli.Main;
import dev.cogform.cli.wiring.StackServices;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.LoadResult;
import dev.cogform.core.desired.Variables;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.cognito.QuotaBudget;
import dev.cogform.core.refresh.PoolResolver;
import dev.cogform.core.state.StateStore;
import dev.cogform.sandbox.FaultPlan;
import dev.cogform.sandbox.Sandbox;
import dev.cogform.sandbox.SandboxOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ClientSecretDescriptorType;

/**
 * Secret rotation end to end on the sandbox, served over HTTP: cogform as a user runs it, with one
 * clock moved forward for both cogform (the services' clock) and the sandbox (its creation dates), so
 * secrets age without waiting; the SDK checks Cognito's side. Also an apply interrupted after AddUserPoolClientSecret, and the hunt for leaked secrets in the
 * state, plan file, trace log and output.
 */
class SecretRotationSandboxTest {

    /** The time of both sides; moved forward by {@link #days}. */
    static final java.util.concurrent.atomic.AtomicReference<Instant> NOW = new java.util.concurrent.atomic.AtomicReference<>(
            Instant.parse("2026-01-01T00:00:00Z"));
    static final Clock CLOCK = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return NOW.get();
        }
    };

    static Sandbox sandbox;

    @TempDir
    Path dir;

    CognitoAdmin admin;
    String pool;
    final List<CliRun> transcript = new ArrayList<>();

    @BeforeAll
    static void start() {
        System.setProperty("aws.accessKeyId", "cogform-e2e");
        System.setProperty("aws.secretAccessKey", "cogform-e2e");
        sandbox = Sandbox.start(SandboxOptions.defaults().withQuotaScale(StackYaml.QUOTA_SCALE).withClock(CLOCK));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void stack() {
        admin = new CognitoAdmin(sandbox.endpoint());
        pool = admin.createPool("cogform-rotation-" + UUID.randomUUID().toString().substring(0, 8));
        StackYaml yaml = StackYaml.empty(sandbox.endpoint());
        yaml.pool("main", pool);
        Map<String, Object> web = yaml.client("main", "web");
        web.put("name", "web-app");
        web.put("generate_secret", true);
        web.put("secret_rotation", StackYaml.map("every", "90d", "overlap", "7d"));
        new Stack(dir).write(yaml.root);
    }

    @AfterEach
    void drop() {
        sandbox.faults().clear();
        admin.deletePoolQuietly(pool);
        admin.close();
    }

    /** The standard services with this test's clock. */
    private StackServices services() {
        StackServices standard = StackServices.standard();
        Clock clock = CLOCK;
        return new StackServices() {
            @Override
            public LoadResult load(Path stackDir, Variables variables) {
                return standard.load(stackDir, variables);
            }

            @Override
            public CognitoGateway gateway(DesiredState stack) {
                return standard.gateway(stack);
            }

            @Override
            public CognitoGateway gateway(DesiredState stack, QuotaBudget budget) {
                return standard.gateway(stack, budget);
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
                return clock;
            }

            @Override
            public Terminal terminal() {
                return standard.terminal();
            }

            @Override
            public Map<String, String> environment() {
                return Map.of();
            }
        };
    }

    private CliRun expect(int code, String... args) {
        List<String> all = new ArrayList<>(List.of("-C", dir.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine(services());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        CliRun run = new CliRun(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
        transcript.add(run);
        assertThat(run.exitCode()).as("cogform %s\n--- stdout:\n%s\n--- stderr:\n%s", String.join(" ", args),
                run.out(), run.err()).isEqualTo(code);
        return run;
    }

    private void days(int n) {
        NOW.updateAndGet(t -> t.plus(Duration.ofDays(n)));
    }

    private String clientId() {
        return Stack.readJson(dir.resolve(".cogform/state.json")).path("clients").path("main.web").path("client_id").asText();
    }

    private List<ClientSecretDescriptorType> listed() {
        return admin.sdk().listUserPoolClientSecrets(b -> b.userPoolId(pool).clientId(clientId())).clientSecrets();
    }

    private List<String> recordedIds() {
        JsonNode secrets = Stack.readJson(dir.resolve(".cogform/state.json")).path("clients").path("main.web").path("secrets");
        return StreamSupport.stream(secrets.spliterator(), false).map(s -> s.path("id").asText()).toList();
    }

    private String liveSecret() {
        return admin.describeExisting(pool, clientId()).clientSecret();
    }

    @Test
    void rotation_addsANewSecretWhenDue_deletesTheOldAfterTheOverlap_andSecretPrintsTheNewest() {
        expect(0, "apply", "--auto-approve");
        String first = liveSecret();
        expect(0, "plan", "--detailed-exitcode");

        days(93);
        CliRun plan = expect(2, "plan", "--detailed-exitcode");
        assertThat(plan.out()).contains("# main.web secret will be rotated (newest secret is 93 days old)")
                .contains("1 secret to rotate, 0 old secrets to delete");
        JsonNode json = Stack.parse(expect(0, "plan", "--json").out());
        assertThat(json.path("secret_changes").get(0).path("kind").asText()).isEqualTo("rotate");
        assertThat(json.path("format_version").asText()).isEqualTo("1.2");

        CliRun applied = expect(0, "apply", "--auto-approve");
        assertThat(applied.out()).contains("main.web: secret rotated").contains("secrets: 1 rotated, 0 old deleted");
        assertThat(listed()).hasSize(2);
        String second = liveSecret();
        assertThat(second).isNotEqualTo(first);
        assertThat(recordedIds()).containsExactlyElementsOf(listed().stream().map(ClientSecretDescriptorType::clientSecretId).toList());
        assertThat(expect(0, "secret", "main.web").out().strip()).isEqualTo(second);
        String all = expect(0, "secret", "main.web", "--all").out();
        assertThat(all.lines()).hasSize(2);
        assertThat(all.lines().toList().get(1)).endsWith("\t" + second).startsWith(listed().get(1).clientSecretId());
        assertThat(all.lines().toList().get(0)).doesNotContain(first).contains("value not readable");

        days(6);
        expect(0, "plan", "--detailed-exitcode");
        days(1);
        assertThat(expect(2, "plan", "--detailed-exitcode").out()).contains("# main.web old secret will be deleted");
        expect(0, "apply", "--auto-approve");
        assertThat(listed()).hasSize(1);
        assertThat(liveSecret()).isEqualTo(second);
        assertThat(recordedIds()).containsExactly(listed().get(0).clientSecretId());
        expect(0, "plan", "--detailed-exitcode");
    }

    @Test
    void rotateSecret_rotatesAYoungSecretNow_andAThirdIsRefusedAtPlanTime() {
        expect(0, "apply", "--auto-approve");
        expect(0, "plan", "--detailed-exitcode");
        assertThat(expect(2, "plan", "--rotate-secret", "main.web", "--detailed-exitcode").out())
                .contains("# main.web secret will be rotated (--rotate-secret; newest secret is 0 days old)");
        expect(0, "apply", "--rotate-secret", "main.web", "--auto-approve");
        assertThat(listed()).hasSize(2);

        CliRun refused = expect(1, "plan", "--rotate-secret", "main.web");
        assertThat(refused.err()).contains("secret.limit").contains("has two client secrets already");
        assertThat(listed()).hasSize(2);
    }

    @Test
    void anApplyInterruptedAfterAddingTheSecret_isRecoveredByTheNextApply_withoutAThirdSecret() {
        expect(0, "apply", "--auto-approve");
        days(91);
        expect(0, "apply", "--auto-approve"); // records the secrets (first rotation)
        assertThat(listed()).hasSize(2);
        days(8);
        expect(0, "apply", "--auto-approve"); // old one deleted
        assertThat(listed()).hasSize(1);
        List<String> before = recordedIds();

        days(91);
        // Cognito adds the secret, but its answer never arrives: as a crash before the state write.
        sandbox.faults().add(FaultPlan.Rule.next("AddUserPoolClientSecret", FaultPlan.Kind.DROP_AFTER, 1));
        CliRun crashed = expect(1, "apply", "--auto-approve");
        assertThat(crashed.out() + crashed.err()).contains("secret rotation failed");
        assertThat(listed()).hasSize(2);
        assertThat(recordedIds()).isEqualTo(before);

        CliRun plan = expect(2, "plan", "--detailed-exitcode");
        assertThat(plan.out()).contains("record the client's secrets as Cognito lists them")
                .doesNotContain("secret will be rotated");
        expect(0, "apply", "--auto-approve");
        assertThat(listed()).hasSize(2);
        assertThat(recordedIds()).hasSize(2)
                .containsExactlyElementsOf(listed().stream().map(ClientSecretDescriptorType::clientSecretId).toList());
        expect(0, "plan", "--detailed-exitcode");
    }

    @Test
    void aSavedPlanReappliedAfterAnInterruptedRotation_takesTheAddedSecret() throws Exception {
        expect(0, "apply", "--auto-approve");
        days(93);
        expect(2, "plan", "--out", "rotate.plan", "--detailed-exitcode");
        sandbox.faults().add(FaultPlan.Rule.next("AddUserPoolClientSecret", FaultPlan.Kind.DROP_AFTER, 1));
        expect(1, "apply", "rotate.plan", "--auto-approve");
        assertThat(listed()).hasSize(2);

        CliRun again = expect(0, "apply", "rotate.plan", "--auto-approve");

        assertThat(again.out()).contains("added by an interrupted apply and now recorded");
        assertThat(listed()).hasSize(2);
        assertThat(recordedIds()).hasSize(2);
    }

    @Test
    void secretsNeverReachTheState_planFile_traceLog_orOutput_exceptTheSecretCommand() throws Exception {
        Path log = dir.resolve("trace.log");
        expect(0, "apply", "--auto-approve", "--log-level", "trace", "--log-file", log.toString());
        days(93);
        expect(2, "plan", "--out", "rotate.plan", "--detailed-exitcode", "--log-level", "trace", "--log-file", log.toString());
        expect(0, "plan", "--json", "--log-level", "trace", "--log-file", log.toString());
        expect(0, "apply", "rotate.plan", "--auto-approve", "--json", "--log-level", "trace", "--log-file", log.toString());
        days(8);
        expect(0, "apply", "--auto-approve", "--log-level", "trace", "--log-file", log.toString());
        List<String> secrets = List.of(liveSecret());
        String printed = expect(0, "secret", "main.web").out().strip();
        assertThat(printed).isEqualTo(secrets.get(0));

        assertThat(Files.readString(log)).contains("AddUserPoolClientSecret");
        List<String> files = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                try {
                    files.add(p + "\n" + Files.readString(p));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3); // state, its backup or lock, plan file, log
        for (String secret : secrets) {
            assertThat(files).allSatisfy(f -> assertThat(f).doesNotContain(secret));
            List<CliRun> others = transcript.subList(0, transcript.size() - 1);
            assertThat(others).allSatisfy(r -> assertThat(r.out() + r.err()).doesNotContain(secret));
        }
    }
}

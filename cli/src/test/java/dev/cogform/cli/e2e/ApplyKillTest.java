package dev.cogform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogform.cli.CliRun;
import dev.cogform.cli.Main;
import dev.cogform.sandbox.FaultPlan;
import dev.cogform.sandbox.Sandbox;
import dev.cogform.sandbox.SandboxOptions;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;

/**
 * {@code cogform apply} killed at a random point, then run again: it converges, leaves no duplicate
 * client, and the state stays readable. The applying cogform is a separate JVM (so the kill is a real
 * process death) against a sandbox server in this JVM whose client writes are slowed down, so the kill
 * lands while writes are in flight. The kill point is drawn from a seeded random: the k-th progress line
 * of the apply ("Creating...", "Creation complete", ...) plus a delay shorter than one write.
 */
class ApplyKillTest {

    /** Each client write takes at least this long in the sandbox (inside the pool's write section). */
    private static final long WRITE_LATENCY_MS = 400;
    private static final Pattern PROGRESS = Pattern.compile(
            "^\\S+: (Creating|Modifying|Replacing|Destroying|Creation complete|Modifications complete"
                    + "|Replacement complete|Destruction complete).*");

    private static final Pattern FORGET = Pattern.compile("cogform state forget-pending ([a-z0-9_-]+\\.[a-z0-9_-]+)");

    static Sandbox sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        EndToEndScenarios.credentials();
        sandbox = Sandbox.start(SandboxOptions.defaults().withQuotaScale(StackYaml.QUOTA_SCALE));
        for (String op : List.of("CreateUserPoolClient", "UpdateUserPoolClient", "DeleteUserPoolClient")) {
            sandbox.faults().add(FaultPlan.Rule.latency(op, WRITE_LATENCY_MS));
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20240501L, 7L})
    void killedApply_convergesOnTheNextApply_withoutDuplicates(long seed) throws Exception {
        Random random = new Random(seed);
        Stack stack = new Stack(dir);
        try (CognitoAdmin admin = new CognitoAdmin(sandbox.endpoint())) {
            Map<String, String> pools = Map.of(
                    "alpha", admin.createPool("cogform-kill-alpha-" + seed),
                    "beta", admin.createPool("cogform-kill-beta-" + seed));
            // Round 0 creates; round 1 mostly replaces (generate_secret flips), a delete and a create;
            // round 2 replaces back, updates, deletes and creates.
            List<Map<String, List<String>>> rounds = List.of(
                    Map.of("alpha", List.of("c0", "c1", "c2", "c3"), "beta", List.of("c0", "c1", "c2", "c3")),
                    Map.of("alpha", List.of("c0", "c1", "c2"), "beta", List.of("c0", "c1", "c2", "c3", "c4")),
                    Map.of("alpha", List.of("c0", "c1", "c2", "c5"), "beta", List.of("c0", "c1", "c2", "c4")));
            List<Set<String>> secrets = List.of(Set.of(),
                    Set.of("alpha.c0", "alpha.c1", "beta.c0", "beta.c1"),
                    Set.of("alpha.c1", "beta.c0"));
            for (int round = 0; round < rounds.size(); round++) {
                StackYaml yaml = StackYaml.empty(sandbox.endpoint());
                for (var pool : rounds.get(round).entrySet()) {
                    yaml.pool(pool.getKey(), pools.get(pool.getKey()));
                    for (String key : pool.getValue()) {
                        Map<String, Object> c = yaml.client(pool.getKey(), key);
                        c.put("name", pool.getKey() + "-" + key);
                        c.put("generate_secret", secrets.get(round).contains(pool.getKey() + "." + key));
                        c.put("allowed_oauth_flows_user_pool_client", true);
                        c.put("allowed_oauth_flows", StackYaml.list("code"));
                        c.put("allowed_oauth_scopes", StackYaml.list("openid"));
                        String site = round == 2 && key.equals("c2") ? "changed" : "app";
                        c.put("callback_urls", StackYaml.list("https://" + site + ".example.com/" + key));
                    }
                }
                stack.write(yaml.root);
                JsonNode summary = stack.json(2, "plan", "--json", "--detailed-exitcode").path("summary");
                int actions = summary.path("add").asInt() + summary.path("change").asInt()
                        + summary.path("replace").asInt() + summary.path("destroy").asInt();
                // Every action prints a start and a completion line; stop before the last few.
                int event = 1 + random.nextInt(Math.max(1, 2 * actions - 3));
                long delay = random.nextLong(WRITE_LATENCY_MS / 2);
                String point = "round " + round + ", seed " + seed + ": kill " + delay + " ms after progress line "
                        + event + " of " + 2 * actions;

                Killed killed = applyAndKill(event, delay);

                assertThat(killed.exitCode).as("%s: the apply was still running when killed; output:%n%s", point,
                        killed.output).isNotZero();
                assertThat(killed.output).as(point).doesNotContain("Apply complete!");
                awaitQuiet(pools.values());

                CliRun again = stack.run("apply", "--auto-approve");
                // The create the kill left in flight may still land as far as cogform can tell; its plan
                // refuses and names the command. Here the sandbox is quiet, so an operator knows it did not.
                java.util.regex.Matcher doubt = FORGET.matcher(again.err() + again.out());
                if (again.exitCode() != 0 && doubt.find()) {
                    assertThat(again.err() + again.out()).as(point).contains("may still land until");
                    do {
                        stack.expect(0, "state", "forget-pending", doubt.group(1));
                    } while (doubt.find());
                    again = stack.expect(0, "apply", "--auto-approve");
                }
                assertThat(again.exitCode()).as("%s: the recovery apply:%n%s%s", point, again.out(), again.err())
                        .isZero();
                stack.plan(0);

                Set<String> desired = new TreeSet<>();
                for (var pool : rounds.get(round).entrySet()) {
                    pool.getValue().forEach(k -> desired.add(pool.getKey() + "." + k));
                    List<String> names = admin.list(pools.get(pool.getKey())).stream()
                            .map(UserPoolClientDescription::clientName).toList();
                    assertThat(names).as("%s: clients of pool %s after the recovery:%n%s", point, pool.getKey(),
                                    again.out() + again.err())
                            .doesNotHaveDuplicates()
                            .containsExactlyInAnyOrderElementsOf(pool.getValue().stream()
                                    .map(k -> pool.getKey() + "-" + k).toList());
                }
                assertThat(stack.expect(0, "state", "list").out().lines().toList()).as(point)
                        .containsExactlyElementsOf(desired);
                JsonNode state = stack.state();
                assertThat(state.path("pending")).as(point).isEmpty();
                for (String address : desired) {
                    String pool = pools.get(address.substring(0, address.indexOf('.')));
                    assertThat(admin.describe(pool, stack.clientId(address))).as("%s: %s", point, address).isPresent();
                }
            }
        }
    }

    private record Killed(int exitCode, String output) {
    }

    /** Runs {@code cogform apply --auto-approve} in its own JVM and kills it {@code delay} ms after progress line {@code event}. */
    private Killed applyAndKill(int event, long delay) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", childClasspath(), Main.class.getName(), "-C", dir.toString(), "apply", "--auto-approve", "--no-color");
        pb.environment().put("AWS_ACCESS_KEY_ID", "cogform-e2e");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "cogform-e2e");
        pb.redirectErrorStream(true);
        Process child = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    lines.add(line);
                }
            } catch (IOException e) {
                // The stream ends with the process.
            }
        }, "apply-output");
        reader.setDaemon(true);
        reader.start();
        try {
            int seen = 0;
            while (seen < event && child.isAlive()) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && PROGRESS.matcher(line).matches()) {
                    seen++;
                }
            }
            Thread.sleep(delay);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the killed apply ended").isTrue();
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        reader.join(5_000);
        synchronized (output) {
            return new Killed(child.exitValue(), output.toString());
        }
    }

    /**
     * Waits until no client write of the killed process is still being processed: the sandbox goes on
     * with a request whose sender died, as Cognito would.
     */
    private static void awaitQuiet(Iterable<String> poolIds) throws InterruptedException {
        int quietChecks = 0;
        for (int i = 0; i < 1_000 && quietChecks < 3; i++) {
            boolean busy = false;
            for (String p : poolIds) {
                busy |= sandbox.writeInProgress(p);
            }
            quietChecks = busy ? 0 : quietChecks + 1;
            Thread.sleep(50);
        }
        assertThat(quietChecks).as("the sandbox finished the killed process's writes").isEqualTo(3);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The test classpath: surefire's when it runs us through a manifest-only jar, else this JVM's.
     * It holds cogform's classes and all their dependencies.
     */
    private static String childClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String cp = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        List<String> entries = new ArrayList<>(List.of(cp.split(Pattern.quote(File.pathSeparator))));
        Set<String> seen = new HashSet<>();
        entries.removeIf(e -> e.isBlank() || !seen.add(e));
        assertThat(entries.stream().anyMatch(e -> Files.exists(Path.of(e).resolve(Main.class.getName().replace('.', '/') + ".class"))
                || e.endsWith(".jar") && e.contains("cogform-cli"))).as("cogform's classes are on the classpath %s", cp).isTrue();
        return entries.stream().collect(Collectors.joining(File.pathSeparator));
    }
}

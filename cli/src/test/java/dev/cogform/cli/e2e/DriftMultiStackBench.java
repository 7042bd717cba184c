package dev.cogform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogform.sandbox.Sandbox;
import dev.cogform.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drift --stacks} over 20 stacks of 50 clients in 4 account-regions (four sandbox servers, quotas
 * on, scaled by {@code -Ddrift.bench.scale}, default 1 = Cognito's rates): stacks of one account-region
 * share its budget and the regions run in parallel, so the wall time stays close to the quota floor of
 * the busiest account-region, with no call throttled for good. A benchmark, not a build check: its name
 * keeps it out of the suite, and {@code -Dtest=DriftMultiStackBench} runs it (about three minutes);
 * docs/performance.md reports the figure.
 */
class DriftMultiStackBench {

    static final String[] REGIONS = {"us-east-1", "eu-west-1", "ap-south-1", "sa-east-1"};
    static final int STACKS_PER_REGION = 5;
    static final int CLIENTS = 50;
    static final double SCALE = Double.parseDouble(System.getProperty("drift.bench.scale", "1"));

    @TempDir
    Path root;

    final List<Sandbox> sandboxes = new ArrayList<>();

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "cogform-e2e");
        System.setProperty("aws.secretAccessKey", "cogform-e2e");
    }

    @AfterEach
    void stop() {
        sandboxes.forEach(Sandbox::close);
    }

    @Test
    void twentyStacks_inFourAccountRegions_stayWithin15PercentOfTheQuotaFloor() throws Exception {
        // Set up without quotas (creating 1,000 clients at Cognito's rate is not what is measured) ...
        Map<String, List<Path>> stacks = new LinkedHashMap<>();
        for (String region : REGIONS) {
            Path data = root.resolve("sandbox-" + region + ".json");
            Sandbox setup = Sandbox.start(SandboxOptions.defaults().withRegion(region).withDataFile(data).withQuotas(false));
            try (CognitoAdmin admin = new CognitoAdmin(setup.endpoint())) {
                for (int s = 0; s < STACKS_PER_REGION; s++) {
                    Path dir = Files.createDirectories(root.resolve("stacks/" + region + "/s" + s));
                    String pool = admin.createPool("drift-" + region + "-" + s);
                    write(dir, setup, region, pool, 10_000);
                    new Stack(dir).apply();
                    stacks.computeIfAbsent(region, k -> new ArrayList<>()).add(dir);
                }
            } finally {
                setup.close();
            }
        }
        // ... then restart every sandbox with its quotas on, and give cogform the matching rates.
        for (String region : REGIONS) {
            Sandbox s = Sandbox.start(SandboxOptions.defaults().withRegion(region)
                    .withDataFile(root.resolve("sandbox-" + region + ".json")).withQuotaScale(SCALE));
            sandboxes.add(s);
            for (Path dir : stacks.get(region)) {
                String pool = Stack.readJson(dir.resolve(".cogform/state.json")).path("clients").elements().next()
                        .path("pool_id").asText();
                write(dir, s, region, pool, 15 * SCALE);
            }
        }
        Stack all = new Stack(root);
        all.json(0, "drift", "--stacks", "stacks/**", "--format", "json"); // warm-up: the JIT, not the quotas
        Thread.sleep(2_000); // the sandbox's buckets refill

        long start = System.nanoTime();
        JsonNode report = all.json(0, "drift", "--stacks", "stacks/**", "--format", "json");
        double wall = (System.nanoTime() - start) / 1e9;

        assertThat(report.path("stacks")).hasSize(REGIONS.length * STACKS_PER_REGION);
        assertThat(report.path("summary").path("in_sync").asInt()).isEqualTo(REGIONS.length * STACKS_PER_REGION * CLIENTS);
        assertThat(report.path("summary").path("not_checked").asInt()).as("throttled for good").isZero();
        assertThat(report.findValues("budget").stream().map(JsonNode::asText).distinct()).hasSize(REGIONS.length);
        // Per account-region: one ListUserPoolClients per stack and one DescribeUserPoolClient per client,
        // all in the client-read category (15/s at scale 1); each stack's describes also on its pool's
        // (operation, pool) bucket (5/s). The sandbox's buckets start full with one second's worth
        // (docs/performance.md, "The quota floor").
        long calls = STACKS_PER_REGION * (1L + CLIENTS);
        double category = 15 * SCALE;
        double perPool = 5 * SCALE;
        double floor = Math.max((calls - Math.max(1, category)) / category, (CLIENTS - Math.max(1, perPool)) / perPool);
        double ratio = wall / floor;
        System.out.printf("drift multi-stack: %d stacks x %d clients in %d account-regions, quota scale %.1f:"
                + " wall %.2f s, floor %.2f s, ratio %.3f%n", REGIONS.length * STACKS_PER_REGION, CLIENTS,
                REGIONS.length, SCALE, wall, floor, ratio);
        assertThat(ratio).isLessThanOrEqualTo(1.15);
    }

    private static void write(Path dir, Sandbox sandbox, String region, String pool, double readRate) throws Exception {
        StringBuilder y = new StringBuilder();
        y.append("version: 1\nprovider:\n  region: ").append(region).append("\n  endpoint: ").append(sandbox.endpoint())
                .append("\n  quotas:\n    client_read_per_second: ").append(readRate)
                .append("\n    client_update_per_second: ").append(readRate)
                .append("\n    per_operation_and_pool_per_second: ").append(readRate / 3)
                .append("\npools:\n  main:\n    id: ").append(pool).append("\n    clients:\n");
        for (int c = 0; c < CLIENTS; c++) {
            y.append("      c").append(c).append(":\n        name: client-").append(c).append('\n');
        }
        Files.writeString(dir.resolve("cogform.yaml"), y.toString());
    }
}

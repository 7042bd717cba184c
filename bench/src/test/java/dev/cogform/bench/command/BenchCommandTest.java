package dev.cogform.bench.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code cogform bench} end to end through Main.run: structure and zero failures, never a timing ratio. */
class BenchCommandTest {

    @Test
    void bench_json_reportsEveryFigure_withNoFailedCall() throws Exception {
        BenchRun run = BenchRun.of("--clients", "20", "--pools", "2", "--quota-scale", "50", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("format_version").asInt()).isEqualTo(1);
        assertThat(doc.path("clients").asInt()).isEqualTo(20);
        assertThat(doc.path("pools").asInt()).isEqualTo(2);
        assertThat(doc.path("quota_scale").asDouble()).isEqualTo(50.0);
        assertThat(doc.path("clean").asBoolean()).isTrue();
        assertThat(doc.path("phases")).hasSize(1);
        JsonNode plan = doc.path("phases").get(0);
        assertThat(plan.path("phase").asText()).isEqualTo("plan");
        assertThat(plan.path("wall_seconds").asDouble()).isPositive();
        assertThat(plan.path("floor_seconds").isNumber()).isTrue();
        assertThat(plan.has("ratio")).isTrue();
        assertThat(plan.path("requests").path("DescribeUserPoolClient").asInt()).isEqualTo(20);
        assertThat(plan.path("requests").path("ListUserPoolClients").asInt()).isEqualTo(2);
        // Clients that write attributes fall in one of the two pools: its schema is read once.
        assertThat(plan.path("requests").path("DescribeUserPool").asInt()).isEqualTo(1);
        assertThat(plan.path("requests_total").asInt()).isEqualTo(23);
        assertThat(plan.path("throttled").isIntegralNumber()).isTrue();
        assertThat(plan.path("failed_calls").asInt()).isZero();
        assertThat(plan.path("actions").path("no-op").asInt()).isEqualTo(20);
        assertThat(plan.path("errors")).isEmpty();
        assertThat(plan.path("floor_bounds").get(0).fieldNames()).toIterable()
                .containsExactly("quota", "requests", "per_second", "burst", "seconds");
        assertThat(run.err()).contains("cogform bench: measuring refresh and plan of 20 clients");
    }

    @Test
    void bench_text_bothPhases_namesEachFigure() {
        BenchRun run = BenchRun.of("--clients", "20", "--pools", "2", "--quota-scale", "50", "--phase", "both");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("cogform bench: 20 clients over 2 pools, sandbox (not AWS) quotas x50")
                .contains("plan: refresh + plan of 20 managed clients")
                .contains("apply: refresh + plan + apply of 20 new clients")
                .contains("wall time", "quota floor", "wall / floor", "throttled")
                .contains("requests       23: DescribeUserPool 1, DescribeUserPoolClient 20, ListUserPoolClients 2")
                .contains("requests       23: CreateUserPoolClient 20, DescribeUserPool 1, ListUserPoolClients 2")
                .contains("plan           20 no-op")
                .contains("plan           20 create")
                .doesNotContain("errors         1");
        assertThat(run.out().lines().filter(l -> l.startsWith("  failed calls")))
                .containsExactly("  failed calls   0", "  failed calls   0");
    }

    @Test
    void bench_badOptions_areUsageErrors() {
        BenchRun pools = BenchRun.of("--clients", "3", "--pools", "4");
        BenchRun phase = BenchRun.of("--phase", "deploy");

        assertThat(pools.exitCode()).isEqualTo(1);
        assertThat(pools.err()).contains("--pools must be between 1 and the number of clients (3)");
        assertThat(phase.exitCode()).isEqualTo(1);
        assertThat(phase.err()).contains("'deploy' is not a phase; use plan, apply or both");
    }

    @Test
    void bench_help_namesTheCommandAndEveryOption() {
        BenchRun run = BenchRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: cogform bench")
                .contains("--clients").contains("--pools").contains("--quota-scale").contains("--phase").contains("--json");
    }
}

package dev.cogform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.bench.BenchOptions.Phase;
import dev.cogform.core.testing.InMemoryStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark end to end against real sandboxes, on generous quotas: the structure and the counts
 * (which are exact), never the timing.
 */
class BenchmarkTest {

    @Test
    void bothPhases_countEveryRequest_andPlanAndApplyCleanly() {
        List<String> steps = new ArrayList<>();
        InMemoryStateStore store = new InMemoryStateStore();

        BenchReport report = Benchmark.run(new BenchOptions(12, 3, 50, Phase.BOTH), () -> store, steps::add);

        assertThat(report.clean()).isTrue();
        assertThat(report.processors()).isPositive();
        assertThat(report.phases()).extracting(PhaseResult::phase).containsExactly(Phase.PLAN, Phase.APPLY);
        assertThat(steps).hasSize(3).anyMatch(s -> s.contains("seeding 12 clients in 3 pools"));

        PhaseResult plan = report.phases().get(0);
        assertThat(plan.actions()).isEqualTo(Map.of("no-op", 12L));
        // One DescribeUserPool per pool whose clients write attributes: the plan folds its required attributes in.
        assertThat(plan.metrics().sentByOperation())
                .isEqualTo(Map.of("DescribeUserPoolClient", 12L, "ListUserPoolClients", 3L, "DescribeUserPool", 3L));
        assertThat(plan.metrics().throttled()).isZero();
        assertThat(plan.failedCalls()).isZero();
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.wall()).isPositive();
        assertThat(plan.floor().bounds()).extracting(QuotaFloor.Bound::quota)
                .contains("USER_POOL_CLIENT_READ", "DescribeUserPoolClient on " + plan.metrics().requests().get(0).poolId());

        PhaseResult apply = report.phases().get(1);
        assertThat(apply.actions()).isEqualTo(Map.of("create", 12L));
        assertThat(apply.metrics().sentByOperation())
                .isEqualTo(Map.of("CreateUserPoolClient", 12L, "ListUserPoolClients", 3L, "DescribeUserPool", 3L));
        assertThat(apply.clean()).isTrue();
        assertThat(store.read().clients()).hasSize(12);
        assertThat(store.read().pending()).isEmpty();
    }
}

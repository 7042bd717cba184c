package dev.cogform.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.plan.Action;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanOptions;
import dev.cogform.core.plan.Planner;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmark's input is what it claims: 10,000 valid clients with the stated mix (not timed). */
class PlanningInputTest {

    @Test
    void tenThousandClients_planToTheStatedMix_withoutDiagnostics() {
        PlanningBenchmark benchmark = new PlanningBenchmark();
        benchmark.clients = 10_000;
        benchmark.pools = 20;
        benchmark.setUp();

        Plan plan = benchmark.plan();

        PlanningInput input = PlanningInput.of(10_000, 20);
        assertThat(input.desired().clients()).hasSize(10_000);
        assertThat(input.desired().pools()).hasSize(20)
                .allSatisfy(p -> assertThat(p.clients()).hasSize(500));
        assertThat(input.state().clients()).hasSize(9_000);
        assertThat(input.live().managed()).hasSize(9_000);
        assertThat(plan.diagnostics()).isEmpty();
        assertThat(plan.changes()).hasSize(10_000);
        assertThat(plan.count(Action.CREATE)).isEqualTo(1_000);
        assertThat(plan.count(Action.UPDATE)).isEqualTo(2_000);
        assertThat(plan.count(Action.NO_OP)).isEqualTo(7_000);
        assertThat(plan.drift()).isEmpty();
        assertThat(plan.unmanaged()).isEmpty();
        assertThat(plan.digest()).isNotBlank();
    }

    @Test
    void updates_differInTheFieldsTheInputChanges() {
        Plan plan = Planner.plan(PlanningInput.of(50, 2).desired(), PlanningInput.of(50, 2).state(),
                PlanningInput.of(50, 2).live(), new PlanOptions(Set.of(), Instant.EPOCH, "test"));

        assertThat(plan.changes()).filteredOn(c -> c.action() == Action.UPDATE).isNotEmpty()
                .allSatisfy(c -> assertThat(c.diffs()).extracting(d -> d.field().key())
                        .containsExactlyInAnyOrder("token_validity.access", "callback_urls"));
    }
}

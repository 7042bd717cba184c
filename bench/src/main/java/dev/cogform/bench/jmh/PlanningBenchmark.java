package dev.cogform.bench.jmh;

import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanOptions;
import dev.cogform.core.plan.Planner;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Planner#plan} of 10,000 clients over 20 pools in memory (no I/O): 7,000 no-ops, 2,000
 * updates, 1,000 creates (see {@link PlanningInput}); the plan's digest included, as in every plan.
 * Target: under 0.5 s per plan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PlanningBenchmark {

    @Param({"10000"})
    public int clients;

    @Param({"20"})
    public int pools;

    private PlanningInput input;
    private PlanOptions options;

    @Setup(Level.Trial)
    public void setUp() {
        input = PlanningInput.of(clients, pools);
        options = new PlanOptions(Set.of(), Instant.parse("2026-01-01T00:00:00Z"), "bench");
    }

    @Benchmark
    public Plan plan() {
        return Planner.plan(input.desired(), input.state(), input.live(), options);
    }
}

package dev.cogform.bench;

import dev.cogform.core.live.cognito.GatewayMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One measured phase: its wall time (refresh and plan, plus the apply for {@link BenchOptions.Phase#APPLY}),
 * what the gateway sent, the quota floor of those requests, the plan's actions by kind, and every
 * error (plan diagnostics, failed changes); {@code errors} is empty in a clean run.
 */
public record PhaseResult(BenchOptions.Phase phase, int clients, int pools, Duration wall, GatewayMetrics metrics,
                          QuotaFloor floor, Map<String, Long> actions, List<String> errors) {

    public PhaseResult {
        actions = Map.copyOf(actions);
        errors = List.copyOf(errors);
    }

    /** Wall time over the floor; empty when the floor is 0 (every request fit in the buckets' first burst). */
    public OptionalDouble ratio() {
        return floor.seconds() > 0 ? OptionalDouble.of(seconds(wall) / floor.seconds()) : OptionalDouble.empty();
    }

    /** Calls that failed for good in the gateway (after its retries). */
    public long failedCalls() {
        return metrics.failedCalls();
    }

    public boolean clean() {
        return failedCalls() == 0 && errors.isEmpty();
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}

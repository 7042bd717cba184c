package dev.cogform.bench;

import java.util.List;

/** A benchmark run: its options, the machine it ran on, and one result per measured phase. */
public record BenchReport(BenchOptions options, int processors, String javaVersion, List<PhaseResult> phases) {

    public BenchReport {
        phases = List.copyOf(phases);
    }

    /** No failed call and no error in any phase. */
    public boolean clean() {
        return phases.stream().allMatch(PhaseResult::clean);
    }
}

package dev.cogform.bench;

/** Hears what the benchmark is doing, for a progress line; the text is a short present-tense phrase. */
@FunctionalInterface
public interface BenchListener {

    BenchListener NONE = step -> { };

    void onStep(String step);
}

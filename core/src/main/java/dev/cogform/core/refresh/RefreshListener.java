package dev.cogform.core.refresh;

/** Hears refresh progress; called from worker threads, so implementations synchronise themselves. */
@FunctionalInterface
public interface RefreshListener {

    RefreshListener NONE = (done, total) -> { };

    /** {@code done} of {@code total} reads finished; {@code total} may grow as reads are discovered. */
    void onProgress(int done, int total);
}

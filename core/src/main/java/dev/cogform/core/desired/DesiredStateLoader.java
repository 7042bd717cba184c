package dev.cogform.core.desired;

import java.nio.file.Path;

/** Loads and validates {@code cogform.yaml} of a stack directory. */
public final class DesiredStateLoader {

    /** The file name of a stack's desired state. */
    public static final String FILE_NAME = "cogform.yaml";

    private DesiredStateLoader() {
    }

    /**
     * Loads {@code stackDir/cogform.yaml}, resolving variables, merging pool defaults, and running
     * every offline validation rule. Never throws for bad input: problems are diagnostics.
     */
    public static LoadResult load(Path stackDir, Variables variables) {
        throw new UnsupportedOperationException("DesiredStateLoader.load is not implemented yet");
    }
}

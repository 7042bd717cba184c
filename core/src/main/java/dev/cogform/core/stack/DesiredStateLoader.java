package dev.cogform.core.stack;

import dev.cogform.core.desired.LoadResult;
import dev.cogform.core.desired.StackFile;
import dev.cogform.core.desired.Variables;
import dev.cogform.core.diag.Diagnostics;
import dev.cogform.core.rule.Rulebook;
import java.nio.file.Path;

/** Loads and validates {@code cogform.yaml} of a stack directory: reads it, then runs the rulebook on it. */
public final class DesiredStateLoader {

    /** The file name of a stack's desired state. */
    public static final String FILE_NAME = StackFile.FILE_NAME;

    private DesiredStateLoader() {
    }

    /**
     * Loads {@code stackDir/cogform.yaml}, resolving variables, merging pool defaults, and running
     * every offline validation rule. Never throws for bad input: problems are diagnostics.
     */
    public static LoadResult load(Path stackDir, Variables variables) {
        return checked(StackFile.read(stackDir, variables));
    }

    /** Loads YAML text as if it were {@code stackDir/cogform.yaml} (tests and tools call this). */
    public static LoadResult load(Path stackDir, String text, Variables variables) {
        return checked(StackFile.read(stackDir, text, variables));
    }

    private static LoadResult checked(StackFile.Content content) {
        // The file's diagnostics are capped per rule already; the rulebook's are capped here.
        Diagnostics diagnostics = new Diagnostics().addAll(content.diagnostics())
                .addAll(Diagnostics.capped().addAll(Rulebook.check(content.checkable())).sorted());
        if (diagnostics.hasErrors() || content.state() == null) { // null: the file was not a YAML map
            return new LoadResult(null, diagnostics.sorted());
        }
        return new LoadResult(content.desired(), diagnostics.sorted());
    }
}

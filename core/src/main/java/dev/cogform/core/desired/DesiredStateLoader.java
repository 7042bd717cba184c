package dev.cogform.core.desired;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.Diagnostics;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.rule.LoadRules;
import dev.cogform.core.rule.Rulebook;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Loads and validates {@code cogform.yaml} of a stack directory. */
public final class DesiredStateLoader {

    /** The file name of a stack's desired state. */
    public static final String FILE_NAME = "cogform.yaml";
    /** Larger files are refused before they are read (the YAML reader also stops at 3 MB of text). */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private DesiredStateLoader() {
    }

    /**
     * Loads {@code stackDir/cogform.yaml}, resolving variables, merging pool defaults, and running
     * every offline validation rule. Never throws for bad input: problems are diagnostics.
     */
    public static LoadResult load(Path stackDir, Variables variables) {
        Path file = stackDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return failed(LoadRules.STACK_MISSING.at(new Location("", null),
                    "no " + FILE_NAME + " in " + stackDir.toAbsolutePath().normalize(),
                    "run cogform in a stack directory, or pass -C DIR"));
        }
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return failed(LoadRules.YAML_LIMITS.at(new Location("", new SourcePosition(FILE_NAME, 1, 1)),
                        FILE_NAME + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB", "split the stack"));
            }
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            return failed(LoadRules.STACK_UNREADABLE.at(new Location("", new SourcePosition(FILE_NAME, 1, 1)),
                    FILE_NAME + " is not UTF-8 text", "save it as UTF-8"));
        } catch (IOException e) {
            return failed(LoadRules.STACK_UNREADABLE.at(new Location("", null),
                    FILE_NAME + " cannot be read: " + e.getMessage(), "check the file's permissions"));
        }
        return load(stackDir, text, variables);
    }

    /** Loads YAML text as if it were {@code stackDir/cogform.yaml} (tests and tools call this). */
    public static LoadResult load(Path stackDir, String text, Variables variables) {
        // Capped: a pool default's mistake is found once per client, and a hostile file can hold 100,000.
        Diagnostics found = Diagnostics.capped();
        Node root = SafeYaml.compose(text, FILE_NAME, found::add);
        if (root == null) {
            return failed(found);
        }
        StackReader.Stack stack;
        try {
            stack = new StackReader(FILE_NAME, found::add, ExpansionBudget.standard()).read(root, stackDir, variables);
        } catch (ExpansionBudget.Exhausted e) {
            found.add(e.diagnostic());
            return failed(found);
        }
        found.addAll(Rulebook.check(stack.readable()));
        if (found.hasErrors()) {
            return new LoadResult(null, found.sorted());
        }
        String digest = StackDigest.of(stack.provider(), stack.state(), stack.pools());
        return new LoadResult(new DesiredState(stackDir, stack.provider(), stack.state(), stack.pools(), digest),
                found.sorted());
    }

    private static LoadResult failed(Diagnostic d) {
        return failed(List.of(d));
    }

    private static LoadResult failed(Iterable<Diagnostic> ds) {
        return new LoadResult(null, new Diagnostics().addAll(ds).sorted());
    }

    private static LoadResult failed(Diagnostics ds) {
        return new LoadResult(null, ds.sorted());
    }
}

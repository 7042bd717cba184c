package dev.cogform.core.desired;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.Diagnostics;
import dev.cogform.core.diag.FileFailures;
import dev.cogform.core.diag.Location;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.spec.LoadRules;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code cogform.yaml} of a stack directory into records, reporting what is wrong with the file
 * itself (syntax, keys, types, variables, the stack's blocks). It does not run the Cognito rules on what it
 * read: {@code stack.DesiredStateLoader} does, above both this package and {@code rule}.
 */
public final class StackFile {

    /** The file name of a stack's desired state. */
    public static final String FILE_NAME = "cogform.yaml";
    /** Larger files are refused before they are read (the YAML reader also stops at 3 MB of text). */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private StackFile() {
    }

    /**
     * What was read. {@code pools} may hold clients with errors; {@code checkable} leaves them out, as their
     * settings are partly Cognito's defaults and rules would report the same mistake twice. The blocks are
     * null or empty when the file could not be read; {@code diagnostics} say why, in the order found.
     */
    public record Content(Path stackDir, ProviderConfig provider, StateConfig state, List<DesiredPool> pools,
                          List<DesiredPool> checkable, Set<Diagnostic> diagnostics) {

        public Content {
            pools = List.copyOf(pools);
            checkable = List.copyOf(checkable);
            diagnostics = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(diagnostics));
        }

        /** The desired state these records make, with its digest; meaningful only when nothing is an error. */
        public DesiredState desired() {
            return new DesiredState(stackDir, provider, state, pools, StackDigest.of(provider, state, pools));
        }

        static Content failed(Path stackDir, Set<Diagnostic> diagnostics) {
            return new Content(stackDir, null, null, List.of(), List.of(), diagnostics);
        }
    }

    /** The state block alone, or null with the diagnostics that say why it could not be read. */
    public record StateBlock(StateConfig state, List<Diagnostic> diagnostics) {

        public StateBlock {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** Reads {@code stackDir/cogform.yaml}, resolving variables and merging pool defaults. Never throws for bad input. */
    public static Content read(Path stackDir, Variables variables) {
        Text text = text(stackDir);
        return text.problem() != null ? Content.failed(stackDir, Set.of(text.problem()))
                : read(stackDir, text.value(), variables);
    }

    /** Reads YAML text as if it were {@code stackDir/cogform.yaml} (tests and tools call this). */
    public static Content read(Path stackDir, String text, Variables variables) {
        // Capped: a pool default's mistake is found once per client, and a hostile file can hold 100,000.
        Diagnostics found = Diagnostics.capped();
        String file = displayName(stackDir);
        Node root = SafeYaml.compose(text, file, found::add);
        if (root == null) {
            return Content.failed(stackDir, new LinkedHashSet<>(found.sorted()));
        }
        StackReader.Stack stack;
        try {
            stack = new StackReader(file, found::add, ExpansionBudget.standard()).read(root, stackDir, variables);
        } catch (ExpansionBudget.Exhausted e) {
            found.add(e.diagnostic());
            return Content.failed(stackDir, new LinkedHashSet<>(found.sorted()));
        }
        return new Content(stackDir, stack.provider(), stack.state(), stack.pools(), stack.readable(),
                new LinkedHashSet<>(found.sorted()));
    }

    /**
     * Reads only the {@code state:} block, with the same checks as {@link #read}, so the {@code state} commands
     * work while other parts of the file are being fixed (as {@code terraform state} does). The rest of the file
     * must still be well-formed YAML. Values are taken literally: state commands take no variables, so a
     * {@code ${...}} reference is an error here.
     */
    public static StateBlock readState(Path stackDir) {
        Text text = text(stackDir);
        if (text.problem() != null) {
            return new StateBlock(null, List.of(text.problem()));
        }
        Set<Diagnostic> found = new LinkedHashSet<>();
        String file = displayName(stackDir);
        Node root = SafeYaml.compose(text.value(), file, found::add, true);
        StateConfig state;
        try {
            state = root == null ? null
                    : new StackReader(file, found::add, ExpansionBudget.standard()).readState(root);
        } catch (ExpansionBudget.Exhausted e) {
            found.add(e.diagnostic());
            state = null;
        }
        boolean failed = state == null || found.stream().anyMatch(Diagnostic::isError);
        return new StateBlock(failed ? null : state, List.copyOf(found));
    }

    /** The file's text, or the diagnostic that says why it cannot be read. */
    private record Text(String value, Diagnostic problem) {
    }

    /**
     * The stack file's name as diagnostics print it: the path as the user typed it, like compilers do
     * ({@code typo/cogform.yaml} for {@code -C typo}; {@code cogform.yaml} in the working directory).
     */
    public static String displayName(Path stackDir) {
        String dir = stackDir.toString();
        return dir.isEmpty() || dir.equals(".") ? FILE_NAME : stackDir.resolve(FILE_NAME).toString();
    }

    private static Text text(Path stackDir) {
        Path file = stackDir.resolve(FILE_NAME);
        String name = displayName(stackDir);
        if (!Files.isDirectory(stackDir)) {
            return new Text(null, LoadRules.STACK_MISSING.at(new Location("", null),
                    "the stack directory " + stackDir + (Files.exists(stackDir) ? " is a file, not a directory"
                            : " does not exist" + (stackDir.isAbsolute() ? "" : " (in " + Path.of("").toAbsolutePath() + ")")),
                    Files.exists(stackDir) ? "give -C the directory that holds " + FILE_NAME : "check the path given to -C"));
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            return new Text(null, LoadRules.STACK_UNREADABLE.at(new Location("", null),
                    name + " " + FileFailures.NOT_REGULAR, "make it the stack's YAML file"));
        }
        if (!Files.isRegularFile(file)) {
            return new Text(null, LoadRules.STACK_MISSING.at(new Location("", null),
                    "no " + FILE_NAME + " in " + stackDir.toAbsolutePath().normalize(),
                    "run cogform in a stack directory, or pass -C DIR"));
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                return new Text(null, LoadRules.YAML_LIMITS.at(new Location("", new SourcePosition(name, 1, 1)),
                        name + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB", "split the stack"));
            }
            return new Text(Files.readString(file), null);
        } catch (CharacterCodingException e) {
            return new Text(null, LoadRules.STACK_UNREADABLE.at(new Location("", new SourcePosition(name, 1, 1)),
                    name + " is not UTF-8 text", "save it as UTF-8"));
        } catch (IOException e) {
            return new Text(null, LoadRules.STACK_UNREADABLE.at(new Location("", null),
                    name + " cannot be read" + (e instanceof java.nio.file.AccessDeniedException ? ": permission denied" : ""),
                    "check the file's permissions"));
        }
    }
}

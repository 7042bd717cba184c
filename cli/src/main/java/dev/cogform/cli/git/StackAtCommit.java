package dev.cogform.cli.git;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.stack.DesiredStateLoader;
import dev.cogform.core.desired.LoadResult;
import dev.cogform.core.desired.Variables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A stack loaded as it was at two commits, read from git's object database (no checkout, so line
 * endings, untracked files and local edits play no part): at the merge base of a base ref and a head
 * ref, and at the head. Var files are read at the same commits. The loader reads files, so each side's
 * inputs are written to a temporary copy of their place in the repository, deleted afterwards.
 */
public final class StackAtCommit {

    /** One side: its commit, and the loaded stack, or null when the stack has no cogform.yaml there. */
    public record Side(String commit, LoadResult loaded) {
    }

    /** Both sides, with the refs they came from and the stack's path in the repository. */
    public record Sides(String baseRef, String base, String headRef, String stack, Side before, Side after) {
    }

    private StackAtCommit() {
    }

    public static Sides load(Path stackDir, String baseRef, String headRef, Variables variables) {
        try (WorkTree tree = WorkTree.require(stackDir, "cogform diff")) {
            String stack = tree.relative(stackDir);
            RevCommit head = tree.commit(headRef, "--head");
            RevCommit base = tree.commit(baseRef, "--base");
            RevCommit mergeBase = tree.mergeBase(base, head, baseRef);
            List<String[]> varFiles = new ArrayList<>();
            for (Path f : variables.files()) {
                String repoPath = tree.relative(f);
                if (repoPath == null) {
                    throw new GitException("--var-file " + f + " is outside the repository, so it has no version at "
                            + baseRef + "; keep var files in the repository");
                }
                varFiles.add(new String[] {f.toString(), repoPath});
            }
            Side before = side(tree, mergeBase, "the merge base with " + baseRef, stack, varFiles, variables, true);
            Side after = side(tree, head, headRef, stack, varFiles, variables, false);
            return new Sides(baseRef, base.name(), headRef, stack, before, after);
        }
    }

    private static Side side(WorkTree tree, RevCommit commit, String label, String stack, List<String[]> varFiles,
                             Variables variables, boolean mayBeAbsent) {
        String where = label + " (" + commit.name().substring(0, 12) + ")";
        String yamlPath = stack.isEmpty() ? DesiredStateLoader.FILE_NAME : stack + "/" + DesiredStateLoader.FILE_NAME;
        Path mirror = null;
        try {
            byte[] yaml = tree.read(commit, yamlPath);
            if (yaml == null) {
                if (mayBeAbsent) {
                    return new Side(commit.name(), null); // a stack new on this branch (or renamed to here)
                }
                throw new GitException("there is no " + yamlPath + " at " + where + "; is the stack committed?");
            }
            mirror = Files.createTempDirectory("cogform-diff-");
            Path stackCopy = stack.isEmpty() ? mirror : mirror.resolve(stack);
            Files.createDirectories(stackCopy);
            List<Path> files = new ArrayList<>();
            for (String[] f : varFiles) {
                byte[] content = tree.read(commit, f[1]);
                if (content == null) {
                    throw new GitException("--var-file " + f[1] + " does not exist at " + where
                            + "; leave it out, or compare commits that both have it");
                }
                Path copy = mirror.resolve(f[1]);
                Files.createDirectories(copy.getParent());
                Files.write(copy, content);
                files.add(copy);
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(yaml)).toString();
            LoadResult loaded = DesiredStateLoader.load(stackCopy, text,
                    new Variables(variables.cli(), files, variables.environment()));
            return new Side(commit.name(), gitNamed(loaded, mirror, commit.name().substring(0, 12)));
        } catch (CharacterCodingException e) {
            throw new GitException(yamlPath + " at " + where + " is not UTF-8 text");
        } catch (IOException e) {
            throw new GitException("cannot read " + yamlPath + " at " + where + ": " + e.getMessage(), e);
        } finally {
            delete(mirror);
        }
    }

    /**
     * The diagnostics with their files named as git names a file at a commit ({@code 1a2b3c4d5e6f:stack/cogform.yaml}),
     * not by the temporary copy they were read from, which is gone when they are printed.
     */
    private static LoadResult gitNamed(LoadResult loaded, Path mirror, String commit) {
        String prefix = mirror.toString() + java.io.File.separator;
        List<Diagnostic> named = loaded.diagnostics().stream().map(d -> {
            SourcePosition at = d.at();
            if (at == null || !at.file().startsWith(prefix)) {
                return d;
            }
            String inRepo = at.file().substring(prefix.length()).replace(java.io.File.separatorChar, '/');
            return new Diagnostic(d.severity(), d.rule(), d.path(), d.message(), d.hint(),
                    new SourcePosition(commit + ":" + inRepo, at.line(), at.column()));
        }).toList();
        return new LoadResult(loaded.state(), named);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A temporary copy left behind changes no result.
        }
    }
}

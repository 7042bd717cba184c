package dev.cogform.cli.git;

import dev.cogform.core.plan.GitProvenance;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where a stack stands in git: the port the plan and apply commands use, so tests can pass their own. */
public interface SourceControl {

    /**
     * The provenance of a stack whose inputs are {@code inputs} (cogform.yaml and the var files read);
     * empty when the stack is not in a git work tree. Fails with {@link GitException} on a broken repository.
     */
    Optional<GitProvenance> provenance(Path stackDir, List<Path> inputs);

    /** The real one, over JGit; {@code environment} supplies GitHub's event variables. */
    static SourceControl git(Map<String, String> environment) {
        return (stackDir, inputs) -> WorkTree.find(stackDir).map(w -> {
            try (w) {
                return w.provenance(stackDir, inputs, GitHubEvent.pullRequest(environment));
            }
        });
    }

    /** No git: plans carry no provenance (tests of other things). */
    static SourceControl none() {
        return (stackDir, inputs) -> Optional.empty();
    }
}

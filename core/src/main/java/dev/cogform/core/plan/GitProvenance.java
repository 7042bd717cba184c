package dev.cogform.core.plan;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a plan was made in git: the commit checked out ({@code null} on an unborn branch), the branch
 * ({@code null} when HEAD is detached), the stack directory relative to the repository root ({@code ""}
 * at the root), the remote's URL without credentials, and the stack's inputs. {@code tree} is the git
 * tree id of those inputs (cogform.yaml and the var files the plan read), hashed from the working tree
 * as git would hash them; {@code inputs} maps each input's repository path to its blob id, so a
 * different tree can be explained file by file. {@code dirty} says the inputs differ from the commit.
 * {@code pullRequest} is set on a GitHub {@code pull_request} run, whose commit is an ephemeral merge
 * commit: it names the PR head that reviewers see.
 *
 * <p>Data only: the planner copies it into the plan; reading git is the CLI's job.
 */
public record GitProvenance(String commit, String branch, String stack, String tree, boolean dirty,
                            String remote, PullRequest pullRequest, Map<String, String> inputs) {

    /** A GitHub pull request: its number, its head commit and the base commit it was opened against. */
    public record PullRequest(long number, String head, String base) {
    }

    public GitProvenance {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(tree, "tree");
        inputs = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(inputs));
    }

    /** The commit reviewers know: the PR head on a pull_request run, else the commit checked out. */
    public String reviewedCommit() {
        return pullRequest != null && pullRequest.head() != null ? pullRequest.head() : commit;
    }

    /** Whether {@code sha} (a full id or an unambiguous prefix of 7+ characters) names the commit or the PR head. */
    public boolean madeAt(String sha) {
        String s = sha.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.length() < 7) {
            return false;
        }
        return (commit != null && commit.startsWith(s))
                || (pullRequest != null && pullRequest.head() != null && pullRequest.head().startsWith(s));
    }
}

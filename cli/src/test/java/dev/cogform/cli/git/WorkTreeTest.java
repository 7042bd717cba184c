package dev.cogform.cli.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.plan.GitProvenance;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provenance read with JGit from repositories written by JGit and by the git command line. */
class WorkTreeTest {

    @TempDir
    Path dir;

    private static final String YAML = "version: 1\npools: {}\n";

    private GitProvenance provenance(Path stack, Path... inputs) {
        return SourceControl.git(Map.of()).provenance(stack, List.of(inputs)).orElseThrow();
    }

    @Test
    void treeId_isTheTreeGitWritesForTheSameFiles() {
        GitCli git = GitCli.init(dir).write("stacks/prod/cogform.yaml", YAML).write("stacks/prod/prod.yaml", "a: 1\n");
        String commit = git.commitAll("stack");
        Path stack = dir.resolve("stacks/prod");

        GitProvenance p = provenance(stack, stack.resolve("cogform.yaml"), stack.resolve("prod.yaml"));

        // The repository holds exactly the stack's inputs, so git's own root tree is their tree.
        assertThat(p.tree()).isEqualTo(git.run("rev-parse", "HEAD^{tree}"));
        assertThat(p.commit()).isEqualTo(commit);
        assertThat(p.branch()).isEqualTo("main");
        assertThat(p.stack()).isEqualTo("stacks/prod");
        assertThat(p.dirty()).isFalse();
        assertThat(p.inputs()).containsEntry("stacks/prod/cogform.yaml", git.run("rev-parse", "HEAD:stacks/prod/cogform.yaml"));
    }

    @Test
    void anEditedInput_isDirty_andChangesTheTree() {
        GitCli git = GitCli.init(dir).write("cogform.yaml", YAML);
        git.commitAll("stack");
        String before = provenance(dir, dir.resolve("cogform.yaml")).tree();
        git.write("cogform.yaml", YAML + "# edited\n");

        GitProvenance p = provenance(dir, dir.resolve("cogform.yaml"));

        assertThat(p.dirty()).isTrue();
        assertThat(p.tree()).isNotEqualTo(before);
        assertThat(p.stack()).isEmpty();
    }

    @Test
    void aCrlfCheckout_ofLfBlobs_isNotAChange() throws Exception {
        GitCli git = GitCli.init(dir).write("cogform.yaml", YAML);
        git.commitAll("stack");
        String tree = git.run("rev-parse", "HEAD^{tree}");
        git.run("config", "core.autocrlf", "true");
        Files.writeString(dir.resolve("cogform.yaml"), YAML.replace("\n", "\r\n"));

        GitProvenance p = provenance(dir, dir.resolve("cogform.yaml"));

        assertThat(p.dirty()).isFalse();
        assertThat(p.tree()).isEqualTo(tree);
    }

    @Test
    void detachedHead_hasNoBranch_andAnUnbornBranchNoCommit() throws Exception {
        Path unborn = Files.createDirectories(dir.resolve("unborn"));
        try (Git git = Git.init().setDirectory(unborn.toFile()).setInitialBranch("main").call()) {
            Files.writeString(unborn.resolve("cogform.yaml"), YAML);
            GitProvenance p = provenance(unborn, unborn.resolve("cogform.yaml"));
            assertThat(p.commit()).isNull();
            assertThat(p.branch()).isEqualTo("main");
            assertThat(p.dirty()).isTrue();

            git.add().addFilepattern("cogform.yaml").call();
            String id = git.commit().setMessage("stack").setAuthor("t", "t@cogform.dev").setCommitter("t", "t@cogform.dev")
                    .setSign(false).call().getName();
            git.checkout().setName(id).call();
            GitProvenance detached = provenance(unborn, unborn.resolve("cogform.yaml"));
            assertThat(detached.branch()).isNull();
            assertThat(detached.commit()).isEqualTo(id);
            assertThat(detached.dirty()).isFalse();
        }
    }

    @Test
    void outsideARepository_thereIsNoProvenance() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(plain.resolve("cogform.yaml"), YAML);

        assertThat(SourceControl.git(Map.of()).provenance(plain, List.of(plain.resolve("cogform.yaml")))).isEmpty();
    }

    @Test
    void theRemote_isRecordedWithoutCredentials() throws Exception {
        GitCli git = GitCli.init(dir).write("cogform.yaml", YAML);
        git.commitAll("stack");
        git.run("remote", "add", "origin", "https://x-access-token:ghs_secret@github.com/example/infra.git");

        assertThat(provenance(dir, dir.resolve("cogform.yaml")).remote()).isEqualTo("https://github.com/example/infra.git");
        assertThat(WorkTree.withoutCredentials("git@github.com:o/r.git")).isEqualTo("git@github.com:o/r.git");
    }

    @Test
    void aGitHubPullRequestRun_recordsThePrHead_besideTheMergeCommit() throws Exception {
        GitCli git = GitCli.init(dir).write("cogform.yaml", YAML);
        git.commitAll("stack");
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"pull_request\":{\"number\":7,\"head\":{\"sha\":\"" + "a".repeat(40)
                + "\"},\"base\":{\"sha\":\"" + "b".repeat(40) + "\"}}}");

        GitProvenance p = SourceControl.git(Map.of("GITHUB_EVENT_NAME", "pull_request", "GITHUB_EVENT_PATH",
                event.toString())).provenance(dir, List.of(dir.resolve("cogform.yaml"))).orElseThrow();

        assertThat(p.pullRequest()).isEqualTo(new GitProvenance.PullRequest(7, "a".repeat(40), "b".repeat(40)));
        assertThat(p.reviewedCommit()).isEqualTo("a".repeat(40));
        assertThat(p.madeAt("aaaaaaa")).isTrue();
        assertThat(p.madeAt(p.commit().substring(0, 10))).isTrue();
        assertThat(p.madeAt("aaaaaa")).as("too short to be safe").isFalse();
    }

    @Test
    void aRepositoryWrittenByJGit_readsTheSame() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setBoolean("commit", null, "gpgsign", false);
            config.save();
            Files.createDirectories(dir.resolve("s"));
            Files.writeString(dir.resolve("s/cogform.yaml"), YAML);
            git.add().addFilepattern("s/cogform.yaml").call();
            git.commit().setMessage("stack").setAuthor("t", "t@cogform.dev").setCommitter("t", "t@cogform.dev").call();
        }
        GitProvenance p = provenance(dir.resolve("s"), dir.resolve("s/cogform.yaml"));

        assertThat(p.tree()).isEqualTo(new GitCli(dir).run("rev-parse", "HEAD^{tree}"));
        assertThat(new File(dir.toFile(), ".git").isDirectory()).isTrue();
    }
}

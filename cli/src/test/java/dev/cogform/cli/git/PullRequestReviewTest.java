package dev.cogform.cli.git;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogform.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * changed, diff, and plan/apply with provenance, run as a user runs them (through the CLI's parser) on
 * repositories made with the git command line, stacks on the embedded sandbox. Every bad input is one
 * line on stderr, exit 1, no stack trace.
 */
class PullRequestReviewTest {

    @TempDir
    Path dir;

    static String stack(String callback, boolean revocation, boolean withApi) {
        return """
                version: 1
                provider: { region: us-east-1, endpoint: sandbox }
                variables: { domain: app.example.com }
                pools:
                  main:
                    name: review
                    clients:
                      web:
                        explicit_auth_flows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
                        callback_urls: ["%s"]
                        allowed_oauth_flows: [code]
                        allowed_oauth_scopes: [openid]
                        allowed_oauth_flows_user_pool_client: true
                """.formatted(callback)
                + (revocation ? "        enable_token_revocation: false\n" : "")
                + (withApi ? "      api:\n        generate_secret: true\n        explicit_auth_flows: [ALLOW_REFRESH_TOKEN_AUTH]\n" : "");
    }

    private static void assertOneLineError(CliRun run, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("\tat ", "Exception").contains(fragments);
    }

    /** main: stacks a, b, c; the feature branch edits a's var file, adds d, renames c to e; b has an untracked var file. */
    private GitCli monorepo() {
        GitCli git = GitCli.init(dir).write(".gitignore", ".cogform/\nignored.yaml\n")
                .write("stacks/a/cogform.yaml", stack("https://a.example/cb", false, false))
                .write("stacks/a/prod.yaml", "domain: a.example\n")
                .write("stacks/b/cogform.yaml", stack("https://b.example/cb", false, false))
                .write("stacks/c/cogform.yaml", stack("https://c.example/cb", false, false))
                .write("docs/notes.yaml", "not: a stack\n");
        git.commitAll("three stacks");
        git.run("checkout", "-q", "-b", "feature");
        git.write("stacks/a/prod.yaml", "domain: a2.example\n")
                .write("stacks/d/cogform.yaml", stack("https://d.example/cb", false, false));
        git.run("mv", "stacks/c", "stacks/e");
        git.commitAll("feature");
        git.write("stacks/b/extra.yml", "x: 1\n").write("stacks/b/ignored.yaml", "x: 1\n")
                .write("stacks/b/.cogform/state.yaml", "x: 1\n");
        return git;
    }

    @Test
    void changed_listsTheStacksABranchAndTheWorkingTreeChange() throws Exception {
        monorepo();

        CliRun text = CliRun.of("-C", dir.toString(), "changed", "--base", "main");
        CliRun json = CliRun.of("-C", dir.toString(), "changed", "--base", "main", "--json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out().lines()).containsExactly("stacks/a", "stacks/b", "stacks/d", "stacks/e");
        assertThat(text.err()).contains("stack stacks/c has no cogform.yaml any more");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.path("paths").toString()).isEqualTo("[\"stacks/a\",\"stacks/b\",\"stacks/d\",\"stacks/e\"]");
        assertThat(doc.path("stacks").toString()).contains("{\"path\":\"stacks/c\",\"status\":\"removed\"")
                .contains("{\"path\":\"stacks/a\",\"status\":\"modified\",\"files\":[\"stacks/a/prod.yaml\"]}")
                .contains("{\"path\":\"stacks/b\",\"status\":\"modified\",\"files\":[\"stacks/b/extra.yml\"]}")
                .contains("{\"path\":\"stacks/e\",\"status\":\"added\"");
        // Run from inside stacks/: paths are relative to where it runs.
        CliRun under = CliRun.of("-C", dir.resolve("stacks").toString(), "changed", "--base", "main");
        assertThat(under.out().lines()).containsExactly("a", "b", "d", "e");
    }

    @Test
    void changed_badInputs_areOneLineErrors() throws Exception {
        GitCli git = monorepo();
        Path plain = Files.createTempDirectory("cogform-plain");

        assertOneLineError(CliRun.of("-C", dir.toString(), "changed", "--base", "nope"),
                "--base nope is not a branch, tag or commit", "git fetch origin nope");
        assertOneLineError(CliRun.of("-C", plain.toString(), "changed", "--base", "main"), "is not in a git work tree");
        // A shallow clone of the feature branch, as actions/checkout makes by default.
        Path shallow = dir.resolveSibling(dir.getFileName() + "-shallow");
        new GitCli(dir.getParent()).run("clone", "-q", "--depth", "1", "--no-single-branch", "--branch", "feature",
                "file://" + dir.toAbsolutePath(), shallow.toString());
        assertOneLineError(CliRun.of("-C", shallow.toString(), "changed", "--base", "origin/main"),
                "shallow clone", "fetch-depth: 0", "git fetch --unshallow");
        assertThat(git.run("rev-parse", "--is-shallow-repository")).isEqualTo("false");
        Path unborn = Files.createTempDirectory("cogform-unborn");
        GitCli.init(unborn);
        assertOneLineError(CliRun.of("-C", unborn.toString(), "changed", "--base", "main"), "unborn branch");
    }

    @Test
    void diff_showsWhatTheBranchChangesInTheDesiredState_offline() throws Exception {
        GitCli git = GitCli.init(dir).write("s/cogform.yaml", stack("https://old.example/cb", true, true))
                .write("s/.gitattributes", "*.yaml text eol=crlf\n");
        git.commitAll("stack");
        git.run("checkout", "-q", "-b", "feature");
        git.write("s/cogform.yaml", stack("https://new.example/cb", false, false)
                + "      spa:\n        explicit_auth_flows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]\n");
        git.commitAll("feature");
        git.write("s/cogform.yaml", "not: committed\n"); // diff reads commits, not the working tree

        CliRun text = CliRun.of("-C", dir.resolve("s").toString(), "diff", "--base", "main");
        CliRun json = CliRun.of("-C", dir.resolve("s").toString(), "diff", "--base", "main", "--format", "json");
        CliRun md = CliRun.of("-C", dir.resolve("s").toString(), "diff", "--base", "main", "--format", "markdown");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("+ main.spa: added in pool name \"review\"")
                .contains("- main.api: removed (apply deletes it)")
                .contains("~ main.web: changed")
                .contains("      - \"https://old.example/cb\"").contains("      + \"https://new.example/cb\"")
                .contains("~ enable_token_revocation: false -> true   # implied reset")
                .contains("Desired: 1 added, 1 changed, 1 removed.");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.path("summary").toString())
                .isEqualTo("{\"added\":1,\"changed\":1,\"removed\":1,\"implied_resets\":1,\"replacements\":0}");
        assertThat(doc.path("base").path("merge_base").asText()).isEqualTo(git.run("rev-parse", "main"));
        assertThat(md.out()).startsWith("<!-- cogform:v1 diff stack=s head=").contains("**Desired:** 1 added, 1 changed")
                .contains("> ⚠️ **1 field leave cogform.yaml");
    }

    @Test
    void diff_ofAStackThatDoesNotLoadAtACommit_namesTheFileAsGitDoes() throws Exception {
        GitCli git = GitCli.init(dir).write("s/cogform.yaml", stack("https://x.example/cb", false, false));
        git.commitAll("stack");
        git.run("checkout", "-q", "-b", "feature");
        git.write("s/cogform.yaml", stack("https://x.example/cb", false, false).replace("callback_urls", "callback_url"));
        git.commitAll("typo");

        CliRun run = CliRun.of("-C", dir.resolve("s").toString(), "diff", "--base", "main");

        String head = git.run("rev-parse", "HEAD").substring(0, 12);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(head + ":s/cogform.yaml:").contains("error[yaml.unknown-key]")
                .doesNotContain("cogform-diff-", "/tmp/");
    }

    @Test
    void diff_newOrRenamedStack_isAllAdded_andADeletedVarFile_isAnError() throws Exception {
        GitCli git = GitCli.init(dir).write("old/cogform.yaml", stack("https://x.example/cb", false, false))
                .write("old/prod.yaml", "domain: x\n");
        git.commitAll("stack");
        git.run("checkout", "-q", "-b", "feature");
        git.run("mv", "old", "new");
        git.run("rm", "-q", "-f", "new/prod.yaml");
        git.commitAll("rename, drop the var file");

        CliRun renamed = CliRun.of("-C", dir.resolve("new").toString(), "diff", "--base", "main");
        CliRun varFile = CliRun.of("-C", dir.resolve("new").toString(), "diff", "--base", "main", "--var-file", "prod.yaml");

        assertThat(renamed.exitCode()).as(renamed.err()).isZero();
        assertThat(renamed.out()).contains("no cogform.yaml at the merge base (new or renamed)").contains("+ main.web: added");
        assertOneLineError(varFile, "--var-file new/prod.yaml does not exist at HEAD");
    }

    @Test
    void planInGit_recordsProvenance_andApplyChecksCommitAndFiles() throws Exception {
        // Ignored through .git/info/exclude, so the commit's tree holds cogform.yaml alone: the stack tree.
        GitCli git = GitCli.init(dir).write(".git/info/exclude", ".cogform/\nplan.json\n")
                .write("cogform.yaml", stack("https://app.example/cb", false, false));
        String commit = git.commitAll("stack");
        String s = dir.toString();

        CliRun plan = CliRun.of("-C", s, "plan", "--out", "plan.json", "--format", "markdown");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).startsWith("<!-- cogform:v1 stack=. digest=sha256:")
                .contains("commit `" + commit.substring(0, 12) + "` on `main`");
        JsonNode saved = new ObjectMapper().readTree(Files.readString(dir.resolve("plan.json")));
        assertThat(saved.path("format_version").asText()).isEqualTo("1.1");
        assertThat(saved.path("git").path("commit").asText()).isEqualTo(commit);
        assertThat(saved.path("git").path("tree").asText()).isEqualTo(git.run("rev-parse", "HEAD^{tree}"));
        assertThat(saved.path("git").path("dirty").asBoolean()).isFalse();
        CliRun show = CliRun.of("-C", s, "show", "plan.json", "--format", "markdown");
        assertThat(show.out()).isEqualTo(plan.out());
        assertThat(CliRun.of("-C", s, "show", "plan.json").out()).contains("  Commit: " + commit + " on branch main");

        // A comment-only edit keeps the desired digest but not the files reviewed: refused, naming the file.
        Files.writeString(dir.resolve("cogform.yaml"), Files.readString(dir.resolve("cogform.yaml")) + "# edited\n");
        CliRun edited = CliRun.of("-C", s, "apply", "plan.json");
        assertThat(edited.exitCode()).isEqualTo(3);
        assertThat(edited.err()).contains("plan.stale-tree").contains("cogform.yaml (changed)");
        git.run("checkout", "-q", "cogform.yaml");

        CliRun wrongCommit = CliRun.of("-C", s, "apply", "plan.json", "--require-commit", "0123456789abc");
        assertThat(wrongCommit.exitCode()).isEqualTo(3);
        assertThat(wrongCommit.err()).contains("the plan was made at commit " + commit.substring(0, 12) + ", not at 0123456789abc");
        assertOneLineError(CliRun.of("-C", s, "apply", "plan.json", "--require-commit", "xyz"), "is not a commit id");

        CliRun applied = CliRun.of("-C", s, "apply", "plan.json", "--require-commit", commit.substring(0, 7));
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("  Commit: " + commit + " on branch main").contains("Apply complete!");
    }

    @Test
    void planFormats_disagreeing_orATinyBudget_areUsageErrors() {
        GitCli.init(dir).write("cogform.yaml", stack("https://app.example/cb", false, false)).commitAll("stack");

        assertOneLineError(CliRun.of("-C", dir.toString(), "plan", "--json", "--format", "markdown"), "disagree");
        assertOneLineError(CliRun.of("-C", dir.toString(), "plan", "--format", "markdown", "--max-bytes", "100"),
                "--max-bytes must be at least 16384");
        assertOneLineError(CliRun.of("-C", dir.toString(), "plan", "--format", "html"), "'html' is not a format");
    }
}

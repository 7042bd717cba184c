package dev.cogform.cli.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code git} command line in a directory, for tests that must not trust JGit to write what JGit
 * reads: commits, branches, shallow clones. Author and committer are fixed; no user config is read.
 */
public final class GitCli {

    private final Path dir;

    public GitCli(Path dir) {
        this.dir = dir;
    }

    /** {@code git init -b main} with a fixed identity. */
    public static GitCli init(Path dir) {
        GitCli git = new GitCli(dir);
        git.run("init", "-q", "-b", "main");
        git.run("config", "user.email", "test@cogform.dev");
        git.run("config", "user.name", "cogform test");
        git.run("config", "commit.gpgsign", "false");
        return git;
    }

    public Path dir() {
        return dir;
    }

    /** Runs git; fails the test when it fails. Returns stdout, trimmed. */
    public String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", dir.toString());
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            assertThat(code).as("git %s: %s", String.join(" ", args), err).isZero();
            return out.trim();
        } catch (IOException e) {
            throw new IllegalStateException("git is needed for this test: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public GitCli write(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** {@code git add -A && git commit -m message}; returns the new commit id. */
    public String commitAll(String message) {
        run("add", "-A");
        run("commit", "-q", "-m", message);
        return run("rev-parse", "HEAD");
    }
}

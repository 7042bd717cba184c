package dev.cogform.cli.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** JGit stays inside {@code cli.git}: commands, views and the core see plain provenance data only. */
class JGitBoundaryTest {

    private static final Path CLI = Path.of("src/main/java");
    private static final Path GIT = CLI.resolve("dev/cogform/cli/git");

    @Test
    void onlyCliGitReferencesJGit() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Stream.concat(Files.walk(CLI), Files.walk(Path.of("..", "core", "src", "main", "java")))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).anyMatch(p -> p.startsWith(GIT) && read(p).contains("org.eclipse.jgit."));

        List<String> offenders = sources.stream().filter(p -> !p.getParent().equals(GIT))
                .filter(p -> read(p).contains("org.eclipse.jgit")).map(Path::toString).toList();

        assertThat(offenders).as("files outside cli.git that reference JGit").isEmpty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

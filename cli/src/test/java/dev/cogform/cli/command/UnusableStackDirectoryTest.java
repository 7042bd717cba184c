package dev.cogform.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command says that a {@code -C} directory does not exist, or is a file, in the same words. */
class UnusableStackDirectoryTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"generate --pool p", "changed --base main", "diff --base main", "validate", "plan", "drift"})
    void aMissingDirectory_isNamed(String command) {
        Path missing = dir.resolve("nosuch");
        String[] args = ("-C " + missing + " " + command).split(" ");

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the stack directory " + missing + " does not exist")
                .doesNotContain("Exception", "git work tree", "region");
    }

    @Test
    void aFile_isNotTakenForAMissingDirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("cogform.yaml"), "version: 1\n");

        CliRun validate = CliRun.of("-C", file.toString(), "validate");
        CliRun changed = CliRun.of("-C", file.toString(), "changed", "--base", "main");

        assertThat(validate.err()).contains("the stack directory " + file + " is a file, not a directory",
                "give -C the directory that holds cogform.yaml");
        assertThat(changed.err()).contains("the stack directory " + file + " is a file, not a directory");
    }
}

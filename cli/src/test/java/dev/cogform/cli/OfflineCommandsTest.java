package dev.cogform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Offline commands set up no AWS SDK client: run in a JVM of their own, they load no SDK class at all
 * (setting up the SDK is a large part of a command's start-up).
 */
class OfflineCommandsTest {

    private static final Path QUICKSTART = ExamplesTest.EXAMPLES.resolve("quickstart");

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--version", "validate", "validate --json", "schema", "plan --help",
        "show missing-plan.json", "state --help", "drift --help", "diff --help", "changed --help"})
    void offlineCommand_loadsNoSdkClass(String command, @TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes.log");
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:file=" + classes, "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "-C", QUICKSTART.toString()));
        args.addAll(List.of(command.split(" ")));
        Process p = new ProcessBuilder(args).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).anyMatch(l -> l.contains("dev.cogform.cli.Main ")); // the log covers the run
        assertThat(loaded).noneMatch(l -> l.contains("software.amazon.awssdk."));
    }
}

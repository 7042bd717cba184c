package dev.cogform.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ./cogform} launcher's JVM options, run for real on a copy of the script whose jar is a
 * {@link LauncherProbe} (so no build and no cogform run): which commands get C1 only, and that the
 * class-data archive is recorded once, reused, remade for a newer jar, and never fails a command.
 */
class LauncherTest {

    private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("cogform");
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path root;
    Path jar;
    Path archive;

    @BeforeEach
    void launcherWithProbeJar() throws IOException {
        Files.copy(SCRIPT, root.resolve("cogform"));
        root.resolve("cogform").toFile().setExecutable(true);
        jar = root.resolve("cli/target/cogform.jar");
        archive = root.resolve("cli/target/cogform.jsa");
        Files.createDirectories(jar.getParent());
        writeProbeJar(jar);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apply", "apply --auto-approve", "-C stack apply", "--log-level debug apply",
        "--log-file=x.log --no-color apply plan.bin", "sandbox --port 0"})
    void longCommands_neverRunWithC1Only(String args) throws Exception {
        Run run = launch(Map.of(), args.split(" "));

        assertThat(run.exitCode()).isZero();
        assertThat(run.jvmOptions()).doesNotContain(C1_ONLY);
        assertThat(run.args()).containsExactly(args.split(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "validate", "-C stack validate --json", "--log-level debug plan", "schema",
        "show plan.bin", "state list", "secret main.web", "-C a -C b drift"})
    void shortCommands_runWithC1Only(String args) throws Exception {
        Run run = launch(Map.of(), args.split(" "));

        assertThat(run.exitCode()).isZero();
        assertThat(run.jvmOptions()).contains(C1_ONLY);
    }

    @Test
    void firstRun_recordsTheArchive_laterRunsUseItWithoutRecordingAgain() throws Exception {
        Run first = launch(Map.of(), "validate");
        assertThat(archive).isNotEmptyFile();
        assertThat(first.jvmOptions()).contains("-XX:SharedArchiveFile=" + archive);
        FileTime recorded = Files.getLastModifiedTime(archive);

        Run second = launch(Map.of(), "apply");

        assertThat(second.exitCode()).isZero();
        assertThat(second.jvmOptions()).contains("-XX:SharedArchiveFile=" + archive);
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(recorded);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void newerJar_recordsTheArchiveAgain() throws Exception {
        launch(Map.of(), "validate");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));
        FileTime stale = Files.getLastModifiedTime(archive);

        Run run = launch(Map.of(), "validate");

        assertThat(run.exitCode()).isZero();
        assertThat(Files.getLastModifiedTime(archive)).isNotEqualTo(stale);
        assertThat(run.jvmOptions()).contains("-XX:SharedArchiveFile=" + archive);
    }

    @Test
    void failedTraining_runsTheCommandWithoutArchive_andDoesNotRetryForThisJar() throws Exception {
        Run run = launch(Map.of("PROBE_TRAINING_EXIT", "3"), "validate", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines()).allMatch(l -> l.startsWith("jvm ") || l.startsWith("arg ")); // no JVM notices
        assertThat(run.args()).containsExactly("validate", "--json");
        assertThat(run.jvmOptions()).noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
        assertThat(archive).doesNotExist();
        assertThat(root.resolve("cli/target/cogform.jsa.failed")).exists();

        // The next run does not train again (it would fail the same way), until the jar changes.
        Run again = launch(Map.of(), "validate");
        assertThat(again.exitCode()).isZero();
        assertThat(archive).doesNotExist();
    }

    @Test
    void archivePathTaken_runsTheCommandWithoutArchive() throws Exception {
        Files.createDirectories(archive); // a directory where the archive would go: the rename fails

        Run run = launch(Map.of(), "plan");

        assertThat(run.exitCode()).isZero();
        assertThat(run.args()).containsExactly("plan");
        assertThat(run.jvmOptions()).noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void cdsOff_runsWithoutArchive() throws Exception {
        Run run = launch(Map.of("COGFORM_CDS", "off"), "validate");

        assertThat(run.exitCode()).isZero();
        assertThat(run.jvmOptions()).noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
        assertThat(archive).doesNotExist();
    }

    @Test
    void concurrentFirstRuns_allSucceed_andLeaveOneWholeArchive() throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            processes.add(process(Map.of(), "validate").start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("arg validate");
        }
        assertThat(leftovers()).isEmpty();

        // Whole: a JVM maps it (a torn archive would crash it) and runs.
        Run run = launch(Map.of(), "validate");
        assertThat(run.exitCode()).isZero();
        assertThat(run.jvmOptions()).contains("-XX:SharedArchiveFile=" + archive);
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(jar.getParent())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private ProcessBuilder process(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("cogform").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().remove("COGFORM_JAVA_OPTS");
        pb.environment().remove("COGFORM_CDS");
        pb.environment().putAll(env);
        return pb;
    }

    private Run launch(Map<String, String> env, String... args) throws Exception {
        Path out = root.resolve("out.txt");
        Path err = root.resolve("err.txt");
        Process p = process(env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Run(int exitCode, String out, String err) {
        List<String> jvmOptions() {
            return out.lines().filter(l -> l.startsWith("jvm ")).map(l -> l.substring(4)).toList();
        }

        List<String> args() {
            return out.lines().filter(l -> l.startsWith("arg ")).map(l -> l.substring(4)).toList();
        }
    }

    private static void writeProbeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             var in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}

package dev.cogform.cli.command;

import static dev.cogform.core.testing.TestStacks.client;
import static dev.cogform.core.testing.TestStacks.poolById;
import static dev.cogform.core.testing.TestStacks.stack;
import static dev.cogform.core.testing.TestStacks.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.cli.CliRun;
import dev.cogform.cli.DriftFormats;
import dev.cogform.cli.FakeServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drift --out} and {@code --report}: several formats from one run, and file errors in plain words. */
class DriftReportFilesTest {

    @TempDir
    Path dir;

    FakeServices services;

    @BeforeEach
    void oneClientNotCreated() {
        services = new FakeServices();
        String pool = services.cognito.addPool("main");
        services.desired = stack(poolById("main", pool, client("main", "web", web("web"))));
    }

    @Test
    void report_writesEveryFormatFromOneRun() throws IOException {
        Path json = dir.resolve("drift.json");
        Path sarif = dir.resolve("drift.sarif");
        Path junit = dir.resolve("drift.xml");

        FakeServices.Run run = services.run("drift", "--format", "json", "--out", json.toString(),
                "--report", "sarif=" + sarif, "--report", "junit=" + junit);

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(json)).contains("\"main.web\"");
        DriftFormats.assertValidSarif(Files.readString(sarif));
        DriftFormats.assertValidJunit(Files.readString(junit));
        assertThat(services.cognito.calls()).filteredOn(c -> c.startsWith("LIST ")).hasSize(1);
    }

    @Test
    void aReportFileThatCannotBeWritten_isNamed_theOthersAreWritten_andTheRunExits1() throws IOException {
        Path json = dir.resolve("drift.json");

        FakeServices.Run run = services.run("drift", "--report", "json=" + json, "--report", "sarif=" + dir);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("--report sarif " + dir + " cannot be written: it is a directory")
                .doesNotContain("Exception");
        assertThat(Files.readString(json)).contains("\"main.web\"");
        assertThat(run.out()).contains("main.web"); // the text report still goes to standard output
    }

    @Test
    void anOutputDirectoryThatDoesNotExist_isRefusedBeforeCognitoIsRead() {
        Path missing = dir.resolve("no/such/dir/drift.json");

        FakeServices.Run run = services.run("drift", "--format", "json", "--out", missing.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("--out " + missing + ": the directory " + dir.resolve("no/such/dir")
                + " does not exist");
        assertThat(services.cognito.calls()).isEmpty();
    }

    @Test
    void inputFilesThatCannotBeRead_sayWhyInWords() {
        FakeServices.Run missing = services.run("drift", "--ignore", dir.resolve("nope.yaml").toString());
        FakeServices.Run directory = services.run("drift", "--baseline", dir.toString());

        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("--ignore " + dir.resolve("nope.yaml") + " does not exist (looked for ")
                .doesNotContain("Exception");
        assertThat(directory.exit()).isEqualTo(1);
        assertThat(directory.err()).contains("--baseline " + dir + " is a directory, not a file")
                .doesNotContain("Exception");
        assertThat(services.cognito.calls()).isEmpty();
    }

    @Test
    void inputFiles_thatCouldNotBeReadToTheirEnd_areRefusedUnread() throws IOException {
        Path huge = dir.resolve("huge.json");
        try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(DriftCommand.MAX_INPUT_BYTES + 1); // sparse: nothing is written
        }

        FakeServices.Run device = services.run("drift", "--ignore", "/dev/zero");
        FakeServices.Run large = services.run("drift", "--baseline", huge.toString());

        assertThat(device.exit()).isEqualTo(1);
        assertThat(device.err()).contains("--ignore /dev/zero is not a regular file (a directory, device or pipe)");
        assertThat(large.exit()).isEqualTo(1);
        assertThat(large.err()).contains("--baseline " + huge + " is larger than 64 MB");
        assertThat(services.cognito.calls()).isEmpty();
    }

    @Test
    void aStackThatCannotBeChecked_saysSoInTheReport_notJustZeroFindings() {
        Path missing = dir.resolve("nosuch");

        CliRun run = CliRun.of("-C", missing.toString(), "drift");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error[stack.missing]: the stack directory " + missing + " does not exist");
        assertThat(run.out()).contains("Stack " + missing + "\n  could not be checked fully: 1 error, listed below")
                .endsWith("0 finding(s); 1 stack could not be checked fully.\n");
    }

    @Test
    void json_isTheSameAsFormatJson_andRefusesAnotherFormat() {
        FakeServices.Run json = services.run("drift", "--json");
        FakeServices.Run both = services.run("drift", "--json", "--format", "sarif");

        assertThat(json.exit()).as(json.err()).isEqualTo(2);
        assertThat(json.out()).startsWith("{").contains("\"format_version\"");
        assertThat(both.exit()).isEqualTo(1);
        assertThat(both.err()).contains("--json and --format sarif ask for two formats");
    }
}

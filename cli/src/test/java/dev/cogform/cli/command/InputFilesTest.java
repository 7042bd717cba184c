package dev.cogform.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not what a command expects (binary, a directory, a device, another kind of JSON) are said so. */
class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void show_ofABinaryFile_aDirectory_orADevice_saysWhatItIs() throws IOException {
        Path binary = Files.write(dir.resolve("rand.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0x80});

        CliRun bin = CliRun.of("-C", dir.toString(), "show", binary.toString());
        CliRun directory = CliRun.of("-C", dir.toString(), "show", dir.toString());
        CliRun device = CliRun.of("-C", dir.toString(), "show", "/dev/zero");

        assertThat(bin.err()).contains("plan file " + binary + " is not a plan: it is not UTF-8 text")
                .doesNotContain("Input length");
        assertThat(directory.err()).contains("plan file " + dir + " is not a regular file").doesNotContain("does not exist");
        assertThat(device.err()).contains("plan file /dev/zero is not a regular file");
        assertThat(bin.exitCode() + directory.exitCode() + device.exitCode()).isEqualTo(3);
    }

    @Test
    void driftBaseline_thatIsNotJson_orNotADriftReport_isRefusedInWords() throws IOException {
        Path stack = Files.createDirectory(dir.resolve("s"));
        Files.writeString(stack.resolve("cogform.yaml"), "version: 1\nprovider: { endpoint: sandbox }\npools: {}\n");
        Path garbage = Files.writeString(dir.resolve("g.json"), "garbage\n");
        Path plan = Files.writeString(dir.resolve("p.json"), "{\"format_version\": \"1.1\", \"changes\": []}\n");

        CliRun notJson = CliRun.of("-C", stack.toString(), "drift", "--baseline", garbage.toString());
        CliRun notReport = CliRun.of("-C", stack.toString(), "drift", "--baseline", plan.toString());

        assertThat(notJson.err()).contains("it is not JSON (at line 1, column 8)").doesNotContain("Unrecognized token",
                "REDACTED");
        assertThat(notReport.err()).contains("it is not a drift report");
        assertThat(notJson.exitCode()).isEqualTo(1);
        assertThat(notReport.exitCode()).isEqualTo(1);
    }

    @Test
    void aStackFileThatIsAPipe_isNotReportedMissing() throws Exception {
        Path stack = Files.createDirectory(dir.resolve("s"));
        new ProcessBuilder("mkfifo", stack.resolve("cogform.yaml").toString()).start().waitFor();

        CliRun run = CliRun.of("-C", stack.toString(), "validate");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cogform.yaml is not a regular file (a directory, device or pipe)")
                .doesNotContain("no cogform.yaml");
    }
}

package dev.cogform.core.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state block is read by the same code whether the whole stack loads or only the state commands need it. */
class StackFileTest {

    @TempDir
    Path dir;

    @Test
    void readState_readsTheStateBlock_whileTheRestIsInvalid() throws IOException {
        write("provider:\n  region: [not, valid]\nstate:\n  backend: s3\n  bucket: b\n  key: k\n  region: eu-west-1\n"
                + "pools: 42\n");

        StackFile.StateBlock block = StackFile.readState(dir);

        assertThat(block.diagnostics()).isEmpty();
        assertThat(block.state()).isEqualTo(new StateConfig(StateConfig.S3, null, "b", "k", "eu-west-1", null, null));
    }

    @Test
    void readState_givesTheSameConfigAsTheWholeRead() throws IOException {
        write("version: 1\nstate:\n  backend: local\n  path: states/prod.json\npools: {}\n");

        assertThat(StackFile.readState(dir).state()).isEqualTo(StackFile.read(dir, Variables.none()).state())
                .isEqualTo(new StateConfig(StateConfig.LOCAL, "states/prod.json", null, null, null, null, null));
    }

    @Test
    void readState_withoutAStateBlock_orWithAnEmptyFile_isTheDefaultLocalFile() throws IOException {
        write("pools: {}\n");
        assertThat(StackFile.readState(dir).state()).isEqualTo(StateConfig.defaultLocal());
        write("# nothing yet\n");
        assertThat(StackFile.readState(dir).state()).isEqualTo(StateConfig.defaultLocal());
    }

    @Test
    void readState_refusesVariables_andReportsTheLoadersRuleIds() throws IOException {
        write("state:\n  backend: s3\n  bucket: ${var.bucket}\n  key: k\n  colour: blue\n");

        StackFile.StateBlock block = StackFile.readState(dir);

        assertThat(block.state()).isNull();
        assertThat(block.diagnostics()).extracting(Diagnostic::rule).containsExactlyInAnyOrder("var.unresolved",
                "yaml.unknown-key");
        assertThat(StackFile.readState(dir.resolve("nowhere")).diagnostics()).extracting(Diagnostic::rule)
                .containsExactly("stack.missing");
    }

    private void write(String yaml) throws IOException {
        Files.writeString(dir.resolve(StackFile.FILE_NAME), yaml);
    }
}

package dev.cogform.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.SourcePosition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

class DiagnosticsViewTest {

    static final List<Diagnostic> FOUND = List.of(
            Diagnostic.error("oauth.https-callback", "pools.main.clients.web.callback_urls[1]",
                    "http://x/cb cannot use the HTTP protocol", "use https://", new SourcePosition("cogform.yaml", 12, 9)),
            Diagnostic.warning("var.unused", "--var extra", "variable extra is given but unused", null, null));

    @Test
    void printHuman_withoutSources_writesTheLineAndTheFieldPath() {
        StringWriter out = new StringWriter();

        DiagnosticsView.printHuman(new PrintWriter(out), FOUND, DiagnosticsView.SourceLines.NONE);

        assertThat(out.toString().lines()).containsExactly(
                "cogform.yaml:12:9: error[oauth.https-callback]: http://x/cb cannot use the HTTP protocol (hint: use https://)",
                "  at pools.main.clients.web.callback_urls[1]",
                "warning[var.unused]: variable extra is given but unused",
                "  at --var extra");
    }

    @Test
    void printHuman_withTheSource_showsTheLineWithACaretUnderTheColumn() {
        StringWriter out = new StringWriter();
        DiagnosticsView.SourceLines source = (file, line) -> file.equals("cogform.yaml") && line == 12
                ? "      - \"http://x/cb\"" : null;

        DiagnosticsView.printHuman(new PrintWriter(out), FOUND, source);

        assertThat(out.toString().lines()).containsExactly(
                "cogform.yaml:12:9: error[oauth.https-callback]: http://x/cb cannot use the HTTP protocol (hint: use https://)",
                "  at pools.main.clients.web.callback_urls[1]",
                "    |",
                " 12 |       - \"http://x/cb\"",
                "    |         ^",
                "",
                "warning[var.unused]: variable extra is given but unused",
                "  at --var extra");
    }

    @Test
    void printHuman_ofAMegabyteLine_showsAWindowAroundTheColumn() {
        String value = "x".repeat(1_000_000);
        String line = "    name: \"" + value + "\" # end";
        StringWriter out = new StringWriter();
        List<Diagnostic> found = List.of(Diagnostic.error("client.name-length", "pools.main.clients.web.name",
                "the name is too long", null, new SourcePosition("cogform.yaml", 3, 11)),
                Diagnostic.error("yaml.unknown-key", "pools.main.clients.web.x", "unknown key", null,
                        new SourcePosition("cogform.yaml", 3, line.length() - 4)));

        DiagnosticsView.printHuman(new PrintWriter(out), found, (file, n) -> n == 3 ? line : null);

        List<String> lines = out.toString().lines().toList();
        assertThat(out.toString().length()).isLessThan(1_000);
        assertThat(lines.get(3)).isEqualTo(" 3 |     name: \"" + "x".repeat(160 - 11) + "\u2026");
        assertThat(lines.get(4)).isEqualTo("   |           ^");
        assertThat(lines.get(9)).startsWith(" 3 | \u2026x").endsWith("\" # end");
        assertThat(lines.get(10).indexOf('^')).isEqualTo(lines.get(9).indexOf("# end"));
    }

    @Test
    void sourceLines_files_readsTheStackFileAsNamed_andVarFilesInTheStackDirectory(@TempDir Path dir)
            throws IOException {
        Path stack = Files.createDirectory(dir.resolve("typo"));
        Files.writeString(stack.resolve("cogform.yaml"), "version: 1\npools: {}\n");
        Files.writeString(stack.resolve("vars.yaml"), "domain: x\n");

        DiagnosticsView.SourceLines lines = DiagnosticsView.SourceLines.files(stack);

        assertThat(lines.line(stack.resolve("cogform.yaml").toString(), 2)).isEqualTo("pools: {}");
        assertThat(lines.line("vars.yaml", 1)).isEqualTo("domain: x");
        assertThat(lines.line("vars.yaml", 2)).isNull();
        assertThat(lines.line("missing.yaml", 1)).isNull();
    }

    @Test
    void printJson_writesEveryMemberWithNullsWhereUnknown() throws Exception {
        StringWriter out = new StringWriter();

        DiagnosticsView.printJson(new PrintWriter(out), FOUND);

        JsonNode a = new ObjectMapper().readTree(out.toString());
        assertThat(a).hasSize(2);
        assertThat(a.get(0).get("line").asInt()).isEqualTo(12);
        assertThat(a.get(0).get("column").asInt()).isEqualTo(9);
        assertThat(a.get(1).get("file").isNull()).isTrue();
        assertThat(a.get(1).get("hint").isNull()).isTrue();
        List<String> members = new java.util.ArrayList<>();
        a.get(1).fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactly("severity", "rule", "path", "message", "hint", "file", "line", "column");
    }

    @Test
    void summary_countsErrorsAndWarnings() {
        assertThat(DiagnosticsView.summary(FOUND)).isEqualTo("1 error, 1 warning");
        assertThat(DiagnosticsView.summary(List.of())).isEqualTo("no problems");
        assertThat(DiagnosticsView.summary(List.of(FOUND.get(0), FOUND.get(0)))).isEqualTo("2 errors");
    }
}

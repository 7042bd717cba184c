package dev.cogform.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.SourcePosition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsViewTest {

    static final List<Diagnostic> FOUND = List.of(
            Diagnostic.error("oauth.https-callback", "pools.main.clients.web.callback_urls[1]",
                    "http://x/cb cannot use the HTTP protocol", "use https://", new SourcePosition("cogform.yaml", 12, 9)),
            Diagnostic.warning("var.unused", "--var extra", "variable extra is given but unused", null, null));

    @Test
    void printHuman_writesOneFormattedLineEach() {
        StringWriter out = new StringWriter();

        DiagnosticsView.printHuman(new PrintWriter(out), FOUND);

        assertThat(out.toString().lines()).containsExactly(
                "cogform.yaml:12:9: error[oauth.https-callback]: http://x/cb cannot use the HTTP protocol (hint: use https://)",
                "warning[var.unused]: variable extra is given but unused");
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

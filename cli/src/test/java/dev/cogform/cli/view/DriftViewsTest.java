package dev.cogform.cli.view;

import static dev.cogform.core.testing.TestStacks.client;
import static dev.cogform.core.testing.TestStacks.poolById;
import static dev.cogform.core.testing.TestStacks.stack;
import static dev.cogform.core.testing.TestStacks.web;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogform.cli.DriftFormats;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.drift.DriftDetector;
import dev.cogform.core.drift.DriftReport;
import dev.cogform.core.drift.IgnoreRules;
import dev.cogform.core.model.DriftSeverity;
import dev.cogform.core.drift.StackReport;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.testing.LiveBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every drift format renders one report with every status; SARIF and JUnit are valid against their schemas. */
class DriftViewsTest {

    static final String P = "eu-west-1_main";
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    static DriftReport report() {
        AppClientSettings a = web("a");
        AppClientSettings b = web("b");
        AppClientSettings c = web("c");
        AppClientSettings d = web("d");
        AppClientSettings e = web("e");
        DesiredState desired = stack(poolById("main", P, client("main", "a", a), client("main", "b", b),
                client("main", "c", c), client("main", "d", d), client("main", "e", e)));
        StateSnapshot state = StateSnapshot.empty();
        for (var r : List.of(rec("main.a", "ca", a), rec("main.b", "cb", b), rec("main.c", "cc", c),
                rec("main.d", "cd", d), rec("main.e", "ce", e))) {
            state = state.withClient(r);
        }
        AppClientSettings robot = AppClientSettings.builder("robot <&>").generateSecret(true)
                .allowedOAuthFlows(List.of("client_credentials")).build();
        LiveBuilder live = LiveBuilder.live().pool("main", P)
                .client("main.a", P, "ca", a)
                .client("main.b", P, "cb", b.toBuilder().callbackUrls(List.of("https://app.example.com/callback",
                        "http://localhost:1/cb")).enableTokenRevocation(false).build())
                .missing("main.c")
                .unread("main.d", GatewayError.ACCESS_DENIED)
                .client("main.e", P, "ce", e.toBuilder().clientName("renamed \"e\"").build())
                .unmanaged(P, "crobot", robot, null, false);
        IgnoreRules ignore = IgnoreRules.parse("rules:\n  - address: main.e\n    fields: [name]\n    reason: rename pending\n"
                + "    owner: team\n    expires: 2030-01-01\n", "ignore.yaml", LocalDate.of(2024, 5, 1));
        StackReport s = DriftDetector.detect("stacks/prod", "000000000000/eu-west-1", desired, state, live.build(),
                Map.of("crobot", new LiveClient(P, "crobot", robot, NOW, NOW)), ignore, NOW);
        return new DriftReport(DriftReport.FORMAT_VERSION, "1.2.3", NOW, false, DriftSeverity.LOW, List.of(s),
                ignore.diagnostics());
    }

    static ClientRecord rec(String address, String id, AppClientSettings applied) {
        return new ClientRecord(ClientAddress.parse(address), P, id, applied.clientName(), applied,
                SettingsJson.fingerprint(applied), false, NOW);
    }

    static String render(Function<PrintWriter, DriftView> view, DriftReport report) {
        StringWriter out = new StringWriter();
        view.apply(new PrintWriter(out)).render(report);
        return out.toString();
    }

    @Test
    void sarif_isValidAndHasOneResultPerFinding() throws Exception {
        String sarif = render(SarifDriftView::new, report());

        DriftFormats.assertValidSarif(sarif);
        JsonNode run = new ObjectMapper().readTree(sarif).path("runs").get(0);
        assertThat(run.path("results")).extracting(r -> r.path("ruleId").asText() + " " + r.path("level").asText())
                .containsExactlyInAnyOrder("callback-url-added error", "token-revocation-disabled error",
                        "client-deleted error", "name-changed note", "unmanaged-machine-client error");
        assertThat(run.path("invocations").get(0).path("executionSuccessful").asBoolean()).isFalse();
        assertThat(run.path("results").get(0).path("locations").get(0).path("physicalLocation")
                .path("artifactLocation").path("uri").asText()).isEqualTo("stacks/prod/cogform.yaml");
    }

    @Test
    void junit_isValid_withAFailureErrorAndSkipPerStatus() {
        String xml = render(JunitDriftView::new, report());

        DriftFormats.assertValidJunit(xml);
        assertThat(xml).contains("tests=\"6\" failures=\"3\" errors=\"1\" skipped=\"1\"",
                "<failure message=\"client cc was deleted outside cogform\" type=\"DELETED\"",
                "<error message=\"not checked (access_denied)\"", "<skipped message=\"ignored: rename pending\"/>",
                "robot &lt;&amp;&gt;");
    }

    @Test
    void jsonTextAndMarkdown_carryTheSameFacts() throws Exception {
        DriftReport report = report();
        String json = render(JsonDriftView::new, report);
        String text = render(w -> new HumanDriftView(w, new Colors(false)), report);
        String markdown = render(MarkdownDriftView::new, report);

        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.path("format_version").asText()).isEqualTo("1.0");
        assertThat(root.path("summary").path("modified").asInt()).isEqualTo(1);
        assertThat(root.path("summary").path("exit_code").asInt()).isEqualTo(1);
        JsonNode b = root.path("stacks").get(0).path("clients").get(1);
        assertThat(b.path("status").asText()).isEqualTo("MODIFIED");
        assertThat(b.path("differences").get(0).path("path").asText()).isEqualTo("callback_urls");
        assertThat(b.path("differences").get(0).path("type").asText()).isEqualTo("ADD");
        assertThat(b.path("differences").get(0).path("actual").toString()).contains("http://localhost:1/cb");
        for (String out : List.of(text, markdown)) {
            assertThat(out).contains("callback_urls: \"http://localhost:1/cb\" added (changed outside cogform)",
                    "access_denied", "rename pending", "75.0");
        }
        assertThat(markdown.indexOf("| 🔴 high")).isPositive().isLessThan(markdown.indexOf("### Not checked"));
        assertThat(JsonDriftView.readBaseline(json).apply(report).news()).isEmpty();
    }
}

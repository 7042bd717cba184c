package dev.cogform.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.SourcePosition;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Problems of an ignore file point at file:line:column, as cogform.yaml's do. */
class IgnoreRulesPositionsTest {

    static final LocalDate TODAY = LocalDate.of(2024, 5, 1);

    @Test
    void aMissingKey_pointsAtItsRule_anUnknownOneAtItself_badYamlAtTheMark() {
        IgnoreRules rules = IgnoreRules.parse(String.join("\n",
                "rules:",
                "  - address: 'main.web'",
                "    owner: team-a",
                "    expires: 2024-12-31",
                "    colour: blue",
                ""), "ign.yaml", TODAY);
        IgnoreRules broken = IgnoreRules.parse("rules: [\n  - a\n", "bad.yaml", TODAY);

        assertThat(rules.diagnostics()).extracting(Diagnostic::rule, Diagnostic::at).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("ignore.unknown-key", new SourcePosition("ign.yaml", 5, 13)),
                org.assertj.core.groups.Tuple.tuple("ignore.missing", new SourcePosition("ign.yaml", 2, 5)));
        assertThat(broken.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("ignore.syntax");
            assertThat(d.at()).isNotNull();
            assertThat(d.at().file()).isEqualTo("bad.yaml");
        });
    }
}

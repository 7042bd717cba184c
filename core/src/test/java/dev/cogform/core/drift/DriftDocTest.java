package dev.cogform.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.model.AppClientField;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/drift.md names every drift rule id: the direction-aware ones by name, the field rules by their pattern. */
class DriftDocTest {

    @Test
    void driftDoc_namesEveryRule() throws Exception {
        String doc = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/drift.md"));

        assertThat(SeverityRules.DESCRIPTIONS.keySet()).allSatisfy(id -> {
            boolean fieldRule = java.util.Arrays.stream(AppClientField.values())
                    .anyMatch(f -> SeverityRules.fieldRuleId(f).equals(id));
            assertThat(doc).as(id).contains(fieldRule ? "`<field>-changed`" : "`" + id + "`");
        });
    }

    @Test
    void fieldRules_takeTheDescriptorsSeverity_soANewFieldNeedsNoDriftEntry() {
        assertThat(SeverityRules.defaultRule(AppClientField.NAME, DifferenceType.NOT_EQUAL, null, "x"))
                .isEqualTo(new SeverityRules.Rule("name-changed", AppClientField.NAME.severity()));
        assertThat(SeverityRules.defaultRule(AppClientField.ACCESS_TOKEN_VALIDITY, DifferenceType.NOT_EQUAL, null, 60L))
                .isEqualTo(new SeverityRules.Rule("token-validity-access-changed",
                        AppClientField.ACCESS_TOKEN_VALIDITY.severity()));
        assertThat(SeverityRules.defaultRule(AppClientField.CALLBACK_URLS, DifferenceType.ADD, "https://x", null).id())
                .isEqualTo("callback-url-added");
    }
}

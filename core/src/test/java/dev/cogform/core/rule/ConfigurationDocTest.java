package dev.cogform.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.model.AppClientField;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every rule id and every client field, so the docs cannot fall behind. */
class ConfigurationDocTest {

    @Test
    void configurationDoc_namesEveryRuleAndField() throws Exception {
        String doc = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/configuration.md"));

        assertThat(Rulebook.all()).allSatisfy(r -> assertThat(doc).contains("| `" + r.id() + "` | " + r.severity().word()));
        for (AppClientField f : AppClientField.values()) {
            // Struct fields are documented member by member: analytics.role_arn, refresh_token_rotation.feature.
            String row = f.kind() == AppClientField.Kind.STRUCT ? "| `" + f.key() + "." : "| `" + f.key() + "` |";
            assertThat(doc).as(f.key()).contains(row);
        }
    }
}

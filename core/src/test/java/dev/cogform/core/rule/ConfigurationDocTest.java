package dev.cogform.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.model.AppClientField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every rule id and every client field, so the docs cannot fall behind. */
class ConfigurationDocTest {

    @Test
    void configurationDoc_namesEveryRuleAndField() throws Exception {
        String doc = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/configuration.md"));

        assertThat(Rulebook.all()).allSatisfy(r -> assertThat(doc).contains("| `" + r.id() + "` | " + r.severity().word()
                + " | " + r.stage().name().toLowerCase(Locale.ROOT) + " |"));
        for (AppClientField f : AppClientField.values()) {
            // Struct fields are documented member by member: analytics.role_arn, refresh_token_rotation.feature.
            String row = f.kind() == AppClientField.Kind.STRUCT ? "| `" + f.key() + "." : "| `" + f.key() + "` |";
            assertThat(doc).as(f.key()).contains(row);
        }
    }

    /**
     * Rule ids are named once, as {@code Rule} constants the docs are checked against; an id spelled as a literal
     * in a diagnostic would escape both.
     */
    @Test
    void noModule_writesARuleIdAsALiteral() throws IOException {
        Pattern literal = Pattern.compile("Diagnostic\\.(error|warning)\\(\\s*\"|new Diagnostic\\([^;]*?,\\s*\"[a-z]+\\.[a-z-]+\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("").toAbsolutePath().getParent())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/sandbox/")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(f.getFileName() + ": " + m.group());
                }
            }
        }

        assertThat(found).isEmpty();
    }
}

package dev.cogform.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.model.AppClientField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md documents every rule id and every client field, and its field table agrees
 * with the {@link AppClientField} descriptors, so the docs cannot fall behind.
 */
class ConfigurationDocTest {

    private static String doc() throws Exception {
        return Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/configuration.md"));
    }

    @Test
    void configurationDoc_namesEveryRule() throws Exception {
        String doc = doc();

        assertThat(Rulebook.all()).allSatisfy(r -> assertThat(doc).contains("| `" + r.id() + "` | " + r.severity().word()
                + " | " + r.stage().name().toLowerCase(Locale.ROOT) + " |"));
    }

    /**
     * One row per field (struct fields: one per member, as {@code analytics.role_arn}) naming its SDK
     * member, its default and its drift severity; create-only fields say so. A missing row fails with
     * the row to start from.
     */
    @Test
    void fieldTable_agreesWithTheDescriptors() throws Exception {
        List<String[]> rows = doc().lines().filter(l -> l.startsWith("| `"))
                .map(l -> Arrays.stream(l.substring(1, l.length() - 1).split("\\|", -1)).map(String::trim)
                        .toArray(String[]::new))
                .filter(c -> c.length == 6).toList();
        List<String> problems = new ArrayList<>();

        for (AppClientField f : AppClientField.values()) {
            boolean struct = f.kind() == AppClientField.Kind.STRUCT;
            List<String[]> own = rows.stream().filter(c -> struct ? c[0].startsWith("`" + f.key() + ".")
                    : c[0].equals("`" + f.key() + "`")).toList();
            if (own.isEmpty()) {
                problems.add("no row for " + f.key() + "; add: | `" + f.key() + "` | `" + f.sdkMember() + "` | TYPE | "
                        + f.defaultText() + " | " + f.severity().word() + " | " + f.doc() + " |");
            }
            for (String[] c : own) {
                String member = "`" + f.sdkMember() + (struct ? "." : "`");
                if (!c[1].startsWith(member)) {
                    problems.add(c[0] + ": Cognito parameter should start with " + member);
                }
                if (!struct && !c[3].equals(f.defaultText()) && !c[3].equals("`" + f.defaultText() + "`")) {
                    problems.add(c[0] + ": default should be " + f.defaultText());
                }
                if (!c[4].equals(f.severity().word())) {
                    problems.add(c[0] + ": drift should be " + f.severity().word());
                }
                if (f.createOnly() != c[5].contains("**Create-only**")) {
                    problems.add(c[0] + ": **Create-only** belongs exactly to create-only fields");
                }
            }
        }
        List<String> known = Arrays.stream(AppClientField.values()).map(AppClientField::key).toList();
        rows.stream().map(c -> c[0].replace("`", "")).filter(k -> !List.of("lifecycle", "import_id", "secret_rotation").contains(k))
                .filter(k -> !known.contains(k) && known.stream().noneMatch(s -> k.startsWith(s + ".")))
                .forEach(k -> problems.add(k + ": a row for a key that is no field"));

        assertThat(problems).isEmpty();
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

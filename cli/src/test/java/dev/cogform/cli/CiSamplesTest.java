package dev.cogform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

/**
 * The CI samples in {@code examples/ci/} work as written: each is valid YAML with jobs and steps, and
 * every {@code ./cogform …} command line in their {@code run:} scripts is accepted by cogform's own
 * parser (options, values, subcommands), with shell variables and GitHub expressions standing in for values.
 */
class CiSamplesTest {

    private static final Path CI = Path.of("..", "examples", "ci");
    private static final Pattern COGFORM = Pattern.compile("\\./cogform\\s+([^\\n]*)");

    @Test
    void everySample_parses_andItsCogformCommandsAreAccepted() throws IOException {
        List<String> commands = new ArrayList<>();
        try (Stream<Path> files = Files.list(CI)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
                assertThat(doc).as(file + " is a YAML map").isInstanceOf(Map.class);
                Map<?, ?> jobs = (Map<?, ?>) ((Map<?, ?>) doc).get("jobs");
                assertThat(jobs).as(file + " has jobs").isNotEmpty();
                for (Object job : jobs.values()) {
                    for (Object step : (List<?>) ((Map<?, ?>) job).get("steps")) {
                        Object run = ((Map<?, ?>) step).get("run");
                        if (run != null) {
                            commandLines(run.toString()).forEach(c -> {
                                commands.add(file.getFileName() + ": " + c);
                                accepted(file.getFileName() + ": ./cogform " + c, args(c));
                            });
                        }
                    }
                }
            }
        }
        assertThat(commands).as("cogform command lines in the samples").hasSizeGreaterThanOrEqualTo(10);
        assertThat(String.join("\n", commands)).contains("changed -C stacks --base").contains("diff -C")
                .contains("--format markdown").contains("--require-commit");
    }

    @Test
    void theCheck_rejectsACommandLineCogformWouldNot() {
        assertThatThrownBy(() -> accepted("bad", args("plan -C \"$STACK\" --formt markdown")))
                .hasMessageContaining("Unknown option");
        assertThatThrownBy(() -> accepted("bad", args("changed --json"))).hasMessageContaining("--base");
    }

    private static void accepted(String what, String[] args) {
        CommandLine cli = Main.commandLine();
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
    }

    /** The arguments of each {@code ./cogform} invocation, continuation lines joined, up to a shell operator. */
    static List<String> commandLines(String script) {
        String joined = script.replace("\\\n", " ");
        List<String> out = new ArrayList<>();
        Matcher m = COGFORM.matcher(joined);
        while (m.find()) {
            String rest = m.group(1);
            int end = rest.length();
            for (String op : List.of(" > ", " >> ", " | ", " ; ", " && ", " || ", ")")) {
                int at = rest.indexOf(op);
                if (at >= 0 && at < end && !insideQuotes(rest, at)) {
                    end = at;
                }
            }
            out.add(rest.substring(0, end).trim());
        }
        return out;
    }

    private static boolean insideQuotes(String s, int at) {
        int quotes = 0;
        for (int i = 0; i < at; i++) {
            if (s.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    /** Shell words, with {@code ${{ … }}} and {@code $VAR} as placeholder values. */
    static String[] args(String line) {
        String s = line.replaceAll("\\$\\{\\{[^}]*}}", "0123456789abcdef").replaceAll("\\$[A-Za-z_][A-Za-z0-9_]*", "value");
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }
}

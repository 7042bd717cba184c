package dev.cogform.core.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.Diagnostics;
import dev.cogform.core.stack.DesiredStateLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs end in a short list of diagnostics, quickly and in bounded memory: values that expand
 * through scalar aliases or variables, var files that never end, absurd quotas, floods of one mistake.
 */
class InputLimitsTest {

    @TempDir
    Path dir;

    private static final String MEGABYTE = "x".repeat(1024 * 1024);

    private LoadResult load(String text, Variables variables) throws IOException {
        Files.writeString(dir.resolve("cogform.yaml"), text);
        return DesiredStateLoader.load(dir, variables);
    }

    private static long started() {
        return System.nanoTime();
    }

    private static void assertQuick(long started) {
        // Generous: the machine running the suite is shared; unbounded, these ran 20-50 s and then out of memory.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    /** Every diagnostic is short, and there are few of them. */
    private static void assertBounded(LoadResult r) {
        assertThat(r.diagnostics().size()).isLessThanOrEqualTo(40);
        assertThat(r.diagnostics()).allSatisfy(d -> assertThat(d.format().length()).isLessThan(2_000));
    }

    @Test
    void aMegabyteScalarAliased100000Times_stopsAtTheBudgetWithAPosition() throws IOException {
        StringBuilder y = new StringBuilder("version: 1\nbig: &big \"").append(MEGABYTE).append("\"\n")
                .append("pools:\n  main:\n    id: eu-west-1_AbCdEf123\n    clients:\n      web:\n        callback_urls:\n");
        for (int i = 0; i < 100_000; i++) {
            y.append("          - *big\n");
        }
        long t = started();

        LoadResult r = load(y.toString(), Variables.none());

        assertQuick(t);
        assertThat(r.state()).isNull();
        Diagnostic d = r.diagnostics().stream().filter(x -> x.rule().equals("yaml.limits")).findFirst().orElseThrow();
        assertThat(d.message()).contains("more than " + ExpansionBudget.MAX_CHARS + " characters");
        // An alias is the anchored node itself, so the position is the anchor's; the path names the item.
        assertThat(d.at().line()).isEqualTo(2);
        assertThat(d.path()).matches("pools\\.main\\.clients\\.web\\.callback_urls\\[[0-9]{1,3}]");
        assertBounded(r);
    }

    @Test
    void aMegabyteVariableReferenced200000Times_stopsAtTheBudgetAtTheValue() throws IOException {
        String y = "version: 1\nvariables:\n  big: \"" + MEGABYTE + "\"\n"
                + "pools:\n  main:\n    id: eu-west-1_AbCdEf123\n    clients:\n      web:\n"
                + "        default_redirect_uri: \"" + "${var.big}".repeat(200_000) + "\"\n";
        long t = started();

        LoadResult r = load(y, Variables.none());

        assertQuick(t);
        assertThat(r.state()).isNull();
        Diagnostic d = r.diagnostics().stream().filter(x -> x.rule().equals("yaml.limits")).findFirst().orElseThrow();
        assertThat(d.path()).isEqualTo("pools.main.clients.web.default_redirect_uri");
        assertThat(d.at().line()).isEqualTo(9);
        assertBounded(r);
    }

    @Test
    void aVarFileThatIsADevice_isRefusedUnread() throws IOException {
        Path zero = Path.of("/dev/zero");
        long t = started();

        LoadResult r = load("version: 1\npools: {}\n", new Variables(Map.of(), List.of(zero), Map.of()));

        assertQuick(t);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("var.file");
            assertThat(d.message()).isEqualTo("--var-file /dev/zero is not a regular file (a directory, device or pipe)");
        });
    }

    @Test
    void aVarFileLargerThanTheLimit_isRefusedUnread() throws IOException {
        Path big = dir.resolve("big.yaml");
        try (var out = Files.newOutputStream(big)) {
            byte[] line = ("k: " + "v".repeat(1020) + "\n").getBytes();
            for (long written = 0; written <= StackFile.MAX_BYTES; written += line.length) {
                out.write(line);
            }
        }

        LoadResult r = load("version: 1\npools: {}\n", new Variables(Map.of(), List.of(big), Map.of()));

        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("var.file");
            assertThat(d.message()).isEqualTo("--var-file big.yaml is larger than 4 MB");
        });
    }

    @Test
    void quotasOutsideASaneRange_areRefusedAtTheirPosition() throws IOException {
        for (String rate : List.of("0.001", "1e-300", "0", "-5", "1e9", "10000.5")) {
            LoadResult r = load("version: 1\nprovider:\n  quotas:\n    client_update_per_second: " + rate + "\npools: {}\n",
                    Variables.none());

            assertThat(r.state()).as(rate).isNull();
            assertThat(r.diagnostics()).as(rate).singleElement().satisfies(d -> {
                assertThat(d.rule()).isEqualTo("provider.quota");
                assertThat(d.message()).contains("between 0.1 and 10000 requests per second");
                assertThat(d.at().line()).isEqualTo(4);
            });
        }
        LoadResult ok = load("version: 1\nprovider: { quotas: { client_update_per_second: 0.1, client_read_per_second: 10000 } }\n"
                + "pools: {}\n", Variables.none());
        assertThat(ok.ok()).as("%s", ok.diagnostics()).isTrue();
    }

    @Test
    void aHundredThousandUnknownKeys_printAFewAndACount() throws IOException {
        StringBuilder y = new StringBuilder("version: 1\npools:\n  main:\n    id: eu-west-1_AbCdEf123\n    clients:\n      web:\n");
        for (int i = 0; i < 100_000; i++) {
            y.append("        bogus").append(i).append(": 1\n");
        }
        long t = started();

        LoadResult r = load(y.toString(), Variables.none());

        assertQuick(t);
        assertThat(r.state()).isNull();
        assertThat(r.diagnostics()).filteredOn(d -> d.rule().equals("yaml.unknown-key") && d.at() != null)
                .hasSize(Diagnostics.PER_RULE);
        Diagnostic count = r.diagnostics().get(r.diagnostics().size() - 1);
        assertThat(count.rule()).isEqualTo("yaml.unknown-key");
        assertThat(count.isError()).isTrue();
        assertThat(count.message()).isEqualTo((100_000 - Diagnostics.PER_RULE)
                + " more yaml.unknown-key findings like the " + Diagnostics.PER_RULE + " above not shown");
        assertBounded(r);
    }

    @Test
    void aThreeMegabyteClientName_isNotEchoedWhole() throws IOException {
        String name = "n".repeat(2_900_000);
        LoadResult r = load("version: 1\npools:\n  main:\n    id: eu-west-1_AbCdEf123\n    clients:\n      web:\n"
                + "        name: " + name + "\n", Variables.none());

        assertThat(r.state()).isNull();
        assertThat(r.diagnostics()).isNotEmpty();
        assertThat(r.diagnostics()).allSatisfy(d -> {
            assertThat(d.message().length()).isLessThanOrEqualTo(Diagnostic.MAX_TEXT + 40);
            assertThat(d.at()).isNotNull();
        });
        assertThat(r.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("characters left out"));
    }
}

package dev.cogform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogform.cli.CliRun;
import dev.cogform.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * A stack directory as a user has it: a cogform.yaml, written from a map, and cogform run on it with
 * {@code -C} through {@link Main#run}. Every run's output is kept, for the tests that look for what
 * must never be printed.
 */
final class Stack {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    private final List<CliRun> transcript = new ArrayList<>();

    Stack(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code yaml} (maps, lists and scalars) as cogform.yaml. */
    Stack write(Map<String, Object> yaml) {
        String text = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build()).dumpToString(yaml);
        try {
            Files.writeString(dir.resolve("cogform.yaml"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Runs {@code cogform -C DIR args…}. */
    CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-C";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        CliRun run = new CliRun(code, out.toString(), err.toString());
        transcript.add(run);
        return run;
    }

    /** Runs and asserts the exit code, showing both streams when it differs. */
    CliRun expect(int exitCode, String... args) {
        CliRun run = run(args);
        assertThat(run.exitCode())
                .as("cogform %s\n--- stdout:\n%s\n--- stderr:\n%s", String.join(" ", args), run.out(), run.err())
                .isEqualTo(exitCode);
        return run;
    }

    /** Runs a command printing JSON (exit code {@code exitCode}) and parses its stdout. */
    JsonNode json(int exitCode, String... args) {
        return parse(expect(exitCode, args).out());
    }

    CliRun apply() {
        return expect(0, "apply", "--auto-approve");
    }

    /** {@code plan --detailed-exitcode}: 0 when nothing is to be done. */
    CliRun plan(int exitCode) {
        return expect(exitCode, "plan", "--detailed-exitcode");
    }

    List<CliRun> transcript() {
        return List.copyOf(transcript);
    }

    /** The state document (.cogform/state.json). */
    JsonNode state() {
        return readJson(dir.resolve(".cogform/state.json"));
    }

    /** The client id the state records for {@code address}. */
    String clientId(String address) {
        JsonNode record = state().path("clients").path(address);
        assertThat(record.isMissingNode()).as("%s is in the state", address).isFalse();
        return record.path("client_id").asText();
    }

    /** Every file under the stack directory, with its content. */
    Map<Path, String> files() {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toMap(p -> p, p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

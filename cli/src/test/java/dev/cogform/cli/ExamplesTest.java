package dev.cogform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cogform.core.desired.StackSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every example stack conforms to the JSON Schema, passes {@code cogform validate} and runs as shipped
 * on the embedded sandbox; broken copies do not validate.
 */
class ExamplesTest {

    static final Path EXAMPLES = Path.of("").toAbsolutePath().getParent().resolve("examples");
    static JsonSchema schema;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readSchema() {
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(StackSchema.json());
    }

    static List<Path> stacks() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            List<Path> stacks = files.filter(p -> p.getFileName().toString().equals("cogform.yaml"))
                    .map(Path::getParent).sorted().toList();
            assertThat(stacks).extracting(p -> p.getFileName().toString())
                    .contains("quickstart", "full", "multi-pool");
            return stacks;
        }
    }

    static JsonNode json(String yaml) {
        Object tree = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return new ObjectMapper().valueToTree(tree);
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void example_conformsToTheSchema(Path stack) throws IOException {
        Set<ValidationMessage> errors = schema.validate(json(Files.readString(stack.resolve("cogform.yaml"))));

        assertThat(errors).as(stack.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void example_passesValidate(Path stack) {
        CliRun run = CliRun.of("validate", "-C", stack.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).as("no warnings in an example").isEmpty();
    }

    @Test
    void multiPoolExample_passesValidateWithItsVarFile() {
        CliRun run = CliRun.of("validate", "-C", EXAMPLES.resolve("multi-pool").toString(), "--var-file", "staging.yaml");

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    static Stream<Arguments> runs() throws IOException {
        Stream<Arguments> plain = stacks().stream().map(stack -> Arguments.of(stack.getFileName().toString(), List.of()));
        return Stream.concat(plain, Stream.of(Arguments.of("multi-pool", List.of("--var-file", "staging.yaml"))));
    }

    /** Every example runs as shipped, on the embedded sandbox: it plans, applies, and then plans no changes. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void example_plansAndApplies_onTheSandbox(String example, List<String> options) throws IOException {
        Path stack = copy(EXAMPLES.resolve(example), tmp.resolve(example));

        CliRun plan = cogform("plan", stack, options, "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
        assertThat(plan.out()).contains(" to add, 0 to change, 0 to replace, 0 to destroy");

        CliRun apply = cogform("apply", stack, options, "--auto-approve");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("Apply complete!");
        assertThat(apply.err()).isEmpty();

        CliRun again = cogform("plan", stack, options, "--detailed-exitcode");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("No changes.");
    }

    private static CliRun cogform(String command, Path stack, List<String> options, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "-C", stack.toString()));
        args.addAll(options);
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Copies the example's files, not its .cogform directory (left there by a run in the checkout). */
    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    @Test
    void brokenQuickstart_failsSchemaAndValidate() throws IOException {
        String text = Files.readString(EXAMPLES.resolve("quickstart/cogform.yaml"))
                .replace("allowed_oauth_flows: [code]", "allowed_oauth_flow: [code]");
        Files.writeString(tmp.resolve("cogform.yaml"), text);

        CliRun run = CliRun.of("validate", "-C", tmp.toString());

        assertThat(schema.validate(json(text))).isNotEmpty();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error[yaml.unknown-key]: unknown key `allowed_oauth_flow`",
                "did you mean `allowed_oauth_flows`?");
    }

    @Test
    void brokenFull_isCaughtByRulesTheSchemaCannotExpress() throws IOException {
        String text = Files.readString(EXAMPLES.resolve("full/cogform.yaml"))
                .replace("allowed_oauth_flows: [code]", "allowed_oauth_flows: [client_credentials, code]");
        Files.writeString(tmp.resolve("cogform.yaml"), text);

        CliRun run = CliRun.of("validate", "-C", tmp.toString());

        assertThat(schema.validate(json(text))).isEmpty();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error[oauth.client-credentials-alone]");
    }
}

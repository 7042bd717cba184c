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
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Every example stack conforms to the JSON Schema and passes {@code cogform validate}; broken copies do not. */
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
                .replace("allowed_oauth_flows: [client_credentials]", "allowed_oauth_flows: [client_credentials, code]");
        Files.writeString(tmp.resolve("cogform.yaml"), text);

        CliRun run = CliRun.of("validate", "-C", tmp.toString());

        assertThat(schema.validate(json(text))).isEmpty();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error[oauth.client-credentials-alone]");
    }
}

package dev.cogform.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogform.cli.CliRun;
import dev.cogform.core.desired.StackSchema;
import org.junit.jupiter.api.Test;

class SchemaCommandTest {

    @Test
    void schema_printsTheBundledJsonSchema() throws Exception {
        CliRun run = CliRun.of("schema");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(StackSchema.json());
        assertThat(new ObjectMapper().readTree(run.out()).path("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void schema_acceptsTheStackDirectoryOptionLikeEveryCommand() {
        assertThat(CliRun.of("-C", "/nonexistent", "schema").exitCode()).isZero();
        assertThat(CliRun.of("schema", "-C", "/nonexistent").exitCode()).isZero();
    }
}

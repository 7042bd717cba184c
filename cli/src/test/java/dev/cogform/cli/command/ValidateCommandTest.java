package dev.cogform.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogform.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private static final String VALID = """
            version: 1
            variables: { domain: app.example.com }
            pools:
              main:
                id: eu-west-1_AbCdEf123
                clients:
                  web:
                    allowed_oauth_flows_user_pool_client: true
                    allowed_oauth_flows: [code]
                    allowed_oauth_scopes: [openid]
                    callback_urls: ["https://${var.domain}/cb"]
            """;

    /** The stack file as diagnostics name it: as -C gave the directory. */
    private String yaml() {
        return dir.resolve("cogform.yaml").toString();
    }

    private void write(String text) throws IOException {
        Files.writeString(dir.resolve("cogform.yaml"), text);
    }

    @Test
    void validate_whenValid_exitsZeroAndSaysSo() throws IOException {
        write(VALID);

        CliRun run = CliRun.of("validate", "-C", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Success: " + yaml() + " is valid (no problems).\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void validate_whenOnlyWarnings_exitsZeroAndPrintsThem() throws IOException {
        write(VALID.replace("[openid]", "[email, openid, email]"));

        CliRun run = CliRun.of("-C", dir.toString(), "validate");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err().lines().findFirst().orElseThrow() + "\n").isEqualTo(yaml() + ":10:47: warning[yaml.duplicate-item]: 'email' is listed twice"
                + " (hint: remove the repeated item; lists are sets)\n");
        assertThat(run.out()).contains("valid (1 warning)");
    }

    @Test
    void validate_whenInvalid_exitsOneWithTheLineFieldPathAndExcerpt() throws IOException {
        write(VALID.replace("https://${var.domain}/cb", "http://${var.domain}/cb").replace("callback_urls", "callback_urls")
                .replace("allowed_oauth_flows: [code]", "allowed_oauth_flows: [code]\n        genrate_secret: true"));

        CliRun run = CliRun.of("validate", "-C", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly(
                yaml() + ":10:9: error[yaml.unknown-key]: unknown key `genrate_secret` in pools.main.clients.web"
                        + " (hint: did you mean `generate_secret`?)",
                "  at pools.main.clients.web.genrate_secret",
                "    |",
                " 10 |         genrate_secret: true",
                "    |         ^");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void validate_whenRuleFails_printsTheRuleIdPositionFieldPathAndCaret() throws IOException {
        write(VALID.replace("https://${var.domain}/cb", "http://${var.domain}/cb"));

        CliRun run = CliRun.of("validate", "-C", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(yaml() + ":11:25: error[oauth.https-callback]: http://app.example.com/cb"
                + " cannot use the HTTP protocol (hint: use https://, or http://localhost for local development)\n"
                + "  at pools.main.clients.web.callback_urls[0]\n"
                + "    |\n"
                + " 11 |         callback_urls: [\"http://${var.domain}/cb\"]\n"
                + "    |                         ^\n");
    }

    @Test
    void validate_namesTheFileAsTheUserTypedTheDirectory() throws IOException {
        write(VALID.replace("https://${var.domain}/cb", "http://${var.domain}/cb"));
        Path typed = Path.of("").toAbsolutePath().relativize(dir); // a relative -C, such as ../../tmp/junit…

        CliRun run = CliRun.of("validate", "-C", typed.toString());

        assertThat(run.err()).startsWith(typed.resolve("cogform.yaml") + ":11:25: error[oauth.https-callback]");
    }

    @Test
    void validate_ofAMissingDirectory_saysTheDirectoryDoesNotExist() {
        CliRun run = CliRun.of("validate", "-C", dir.resolve("typo").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error[stack.missing]: the stack directory " + dir.resolve("typo")
                + " does not exist (hint: check the path given to -C)\n");
    }

    @Test
    void validate_ofAMissingVarFile_saysItDoesNotExist_withoutAnExceptionName() throws IOException {
        write(VALID);

        CliRun run = CliRun.of("validate", "-C", dir.toString(), "--var-file", "nope.yaml");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error[var.file]: --var-file nope.yaml does not exist (looked for "
                + dir.resolve("nope.yaml") + ")").doesNotContain("Exception");
    }

    @Test
    void validate_namesAVarFilesProblem_byAPathThatOpens_withAnExcerpt() throws IOException {
        write(VALID);
        Files.writeString(dir.resolve("v.yaml"), "domain: [1, 2]\n");

        CliRun run = CliRun.of("validate", "-C", dir.toString(), "--var-file", "v.yaml");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith(dir.resolve("v.yaml") + ":1:9: error[yaml.type]")
                .contains(" 1 | domain: [1, 2]", "   |         ^");
    }

    @Test
    void validate_acceptsNoColor() throws IOException {
        write(VALID);

        CliRun run = CliRun.of("validate", "--no-color", "-C", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Success:");
    }

    @Test
    void validate_withJson_printsAnArrayWithEveryMember() throws IOException {
        write(VALID.replace("https://${var.domain}/cb", "http://${var.domain}/cb"));

        CliRun run = CliRun.of("validate", "-C", dir.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode array = new ObjectMapper().readTree(run.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(1);
        JsonNode d = array.get(0);
        assertThat(d.get("severity").asText()).isEqualTo("error");
        assertThat(d.get("rule").asText()).isEqualTo("oauth.https-callback");
        assertThat(d.get("path").asText()).isEqualTo("pools.main.clients.web.callback_urls[0]");
        assertThat(d.get("message").asText()).contains("cannot use the HTTP protocol");
        assertThat(d.get("hint").asText()).startsWith("use https://");
        assertThat(d.get("file").asText()).isEqualTo(yaml());
        assertThat(d.get("line").asInt()).isEqualTo(11);
        assertThat(d.get("column").asInt()).isEqualTo(25);
    }

    @Test
    void validate_withJson_whenValid_printsAnEmptyArray() throws IOException {
        write(VALID);

        CliRun run = CliRun.of("validate", "--json", "-C", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(run.out())).isEmpty();
    }

    @Test
    void validate_whenCogformYamlIsMissing_printsOneLine() {
        CliRun run = CliRun.of("validate", "-C", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("error[stack.missing]: no cogform.yaml in ").endsWith("(hint: run cogform in a stack"
                        + " directory, or pass -C DIR)");
    }

    @Test
    void validate_varsFromCommandLineAndFiles_winInOrder() throws IOException {
        write(VALID.replace("https://${var.domain}/cb", "${var.scheme}://${var.domain}/cb"));
        Files.writeString(dir.resolve("dev.yaml"), "scheme: http\ndomain: localhost\n");

        CliRun file = CliRun.of("validate", "-C", dir.toString(), "--var-file", "dev.yaml", "--var", "scheme=https");
        CliRun missing = CliRun.of("validate", "-C", dir.toString());
        CliRun cli = CliRun.of("validate", "-C", dir.toString(), "--var", "scheme=http");

        assertThat(file.exitCode()).as(file.err()).isZero();
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("error[var.unresolved]: variable scheme has no value");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("error[oauth.https-callback]");
    }

    @Test
    void validate_help_describesTheCommandAndExitCodes() {
        CliRun run = CliRun.of("validate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: cogform validate", "--var-file=FILE", "--json", "-C=DIR",
                "${var.NAME}", "0   valid (warnings allowed)");
    }

    @Test
    void validate_unknownOption_isAUsageError() {
        CliRun run = CliRun.of("validate", "--bogus");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("cogform: Unknown option: '--bogus'");
    }
}

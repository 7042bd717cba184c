package dev.cogform.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands on a stack whose provider is the in-process sandbox, run as a user runs them. */
class SandboxStackTest {

    @TempDir
    Path dir;

    CliRun cogform(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-C";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    void stack(String pool) throws IOException {
        Files.writeString(dir.resolve("cogform.yaml"), """
                version: 1
                provider: { endpoint: sandbox }
                pools:
                  main:
                    %s
                    clients:
                      api: { name: api, generate_secret: true }
                """.formatted(pool));
    }

    @Test
    void applyFile_andSecret_sayTheyRunOnTheSandbox() throws IOException {
        stack("name: sandbox-users");
        CliRun plan = cogform("plan", "--out", "plan.json");

        CliRun apply = cogform("apply", "plan.json");
        CliRun secret = cogform("secret", "main.api");

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).startsWith("Provider: the cogform sandbox").contains("Apply complete!");
        assertThat(secret.exitCode()).as(secret.err()).isZero();
        assertThat(secret.err()).contains("cogform sandbox");
        assertThat(secret.out().strip()).doesNotContain(" ").hasSizeGreaterThan(20);
    }

    @Test
    void aPoolIdTheSandboxDoesNotKnow_isAnErrorAtThePool() throws IOException {
        stack("id: us-east-1_AbCdEf123");

        CliRun plan = cogform("plan");

        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err()).contains("cogform.yaml:5:9: error[refresh.pool-not-found]: pool id"
                + " \"us-east-1_AbCdEf123\" does not exist", "at pools.main.id");
        assertThat(plan.err()).doesNotContain("NOT_FOUND");
    }

    @Test
    void aCustomAttributeTheExistingPoolLacks_failsPlan_asInCognito() throws IOException {
        stack("name: attrs\n    defaults: { read_attributes: [email, custom:tenant] }");
        CliRun first = cogform("apply", "--auto-approve");
        Files.writeString(dir.resolve("cogform.yaml"),
                Files.readString(dir.resolve("cogform.yaml")).replace("custom:tenant", "custom:tenant_typo"));

        CliRun plan = cogform("plan");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err()).contains("error[attributes.custom-exists]: custom attribute 'custom:tenant_typo' is not"
                + " in the schema of pool name \"attrs\"", "did you mean `custom:tenant`?");
    }
}

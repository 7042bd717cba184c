package dev.cogform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox driven by the aws CLI, a client independent of the Java SDK, with default quotas on. */
class AwsCliSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private record Result(int exit, String out, String err) {
    }

    private Result aws(Sandbox sandbox, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", sandbox.endpoint().toString(),
                "--output", "json", "cognito-idp"));
        command.addAll(List.of(args));
        // aws CLI v1 would otherwise fetch URL-looking parameter values (the callback URL) from the network.
        Files.writeString(home.resolve("config"), "[default]\ncli_follow_urlparam = false\n");
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "dummy");
        env.put("AWS_SECRET_ACCESS_KEY", "dummy");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("HOME", home.toString());
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("the aws CLI is not on PATH (" + e.getMessage() + "); install it, e.g. "
                    + "'apt-get install awscli' or 'pip install awscli' (v1) or the AWS CLI v2 installer, then rerun", e);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish within 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private JsonNode ok(Result r) throws IOException {
        assertThat(r.exit()).as("aws exit code; stderr: %s", r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void createUpdateDescribeAndList_throughTheAwsCli() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
            String pool = ok(aws(sandbox, "create-user-pool", "--pool-name", "cli-demo")).path("UserPool").path("Id").asText();
            assertThat(pool).startsWith("us-east-1_");

            JsonNode created = ok(aws(sandbox, "create-user-pool-client", "--user-pool-id", pool,
                    "--client-name", "web", "--generate-secret",
                    "--explicit-auth-flows", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH",
                    "--callback-urls", "https://app.example.com/cb",
                    "--access-token-validity", "30",
                    "--token-validity-units", "AccessToken=minutes,IdToken=hours,RefreshToken=days"))
                    .path("UserPoolClient");
            String clientId = created.path("ClientId").asText();
            String secret = created.path("ClientSecret").asText();
            assertThat(clientId).matches("[a-z0-9]{26}");
            assertThat(secret).matches("[a-z0-9]{51}");
            assertThat(created.path("AccessTokenValidity").asInt()).isEqualTo(30);
            assertThat(created.path("TokenValidityUnits").path("AccessToken").asText()).isEqualTo("minutes");

            JsonNode updated = ok(aws(sandbox, "update-user-pool-client", "--user-pool-id", pool,
                    "--client-id", clientId, "--client-name", "web2", "--refresh-token-validity", "10"))
                    .path("UserPoolClient");
            assertThat(updated.path("ClientName").asText()).isEqualTo("web2");
            assertThat(updated.path("RefreshTokenValidity").asInt()).isEqualTo(10);
            assertThat(updated.has("AccessTokenValidity")).as("omitted on update: back to default").isFalse();
            assertThat(updated.has("CallbackURLs")).isFalse();
            assertThat(updated.path("TokenValidityUnits").path("AccessToken").asText()).isEqualTo("hours");
            assertThat(updated.path("ExplicitAuthFlows")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH");
            assertThat(updated.path("ClientSecret").asText()).isEqualTo(secret);

            JsonNode described = ok(aws(sandbox, "describe-user-pool-client", "--user-pool-id", pool,
                    "--client-id", clientId)).path("UserPoolClient");
            assertThat(described).isEqualTo(updated);

            JsonNode listed = ok(aws(sandbox, "list-user-pool-clients", "--user-pool-id", pool, "--max-results", "60"));
            assertThat(listed.path("UserPoolClients")).hasSize(1);
            JsonNode entry = listed.path("UserPoolClients").get(0);
            assertThat(entry.path("ClientId").asText()).isEqualTo(clientId);
            assertThat(entry.path("ClientName").asText()).isEqualTo("web2");
            assertThat(entry.has("ClientSecret")).isFalse();

            Result missing = aws(sandbox, "describe-user-pool-client", "--user-pool-id", pool, "--client-id", "nosuch");
            assertThat(missing.exit()).isNotZero();
            assertThat(missing.err()).contains("ResourceNotFoundException")
                    .contains("User pool client nosuch does not exist.");
        }
    }
}

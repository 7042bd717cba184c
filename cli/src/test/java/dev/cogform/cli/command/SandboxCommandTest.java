package dev.cogform.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cogform sandbox}: starts, says where and that it is not AWS, serves, and stops when interrupted. */
class SandboxCommandTest {

    private static final Pattern URL = Pattern.compile("listening on (http://127\\.0\\.0\\.1:[0-9]+)");

    @TempDir
    Path dir;

    @Test
    void sandbox_printsItsUrlAndAnAwsCliExample_servesCognito_andStopsWhenInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicReference<Thread> runner = new AtomicReference<>();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            runner.set(Thread.currentThread());
            return Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                    "-C", dir.toString(), "sandbox", "--port", "0", "--data", "sandbox.json", "--quota-scale", "2",
                    "--faults", "DescribeUserPoolClient:latency=1ms");
        });
        URI endpoint = awaitUrl(out, err);

        assertThat(out.toString())
                .contains("cogform sandbox (not AWS) listening on " + endpoint)
                .contains("aws --endpoint-url " + endpoint + " cognito-idp create-user-pool --pool-name demo")
                .contains(dir.resolve("sandbox.json").toString())
                .contains("x 2.0")
                .contains("DescribeUserPoolClient:latency=1ms");
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.CreateUserPool")
                .POST(HttpRequest.BodyPublishers.ofString("{\"PoolName\":\"demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(Files.readString(dir.resolve("sandbox.json"))).contains("\"demo\"");

        runner.get().interrupt();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void badFaultSpec_isAUsageError_sayingWhatIsWrong() {
        StringWriter err = new StringWriter();

        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "sandbox", "--faults", "UpdateUserPoolClient:explode");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("--faults").contains("kind 'explode' is not one of");
    }

    @Test
    void nonPositiveQuotaScale_isAUsageError() {
        StringWriter err = new StringWriter();

        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "sandbox", "--quota-scale", "0");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("quota scale 0.0 must be a number above 0")
                .contains("turn them off with --no-quotas").contains("--help");
    }

    @Test
    void quotaScaleWithNoQuotas_isAUsageError() {
        StringWriter err = new StringWriter();

        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "sandbox", "--quota-scale", "2", "--no-quotas");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("--quota-scale and --no-quotas exclude each other");
    }

    private static URI awaitUrl(StringWriter out, StringWriter err) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            // The banner is complete once its last line ("Stop with Ctrl-C.") is out.
            Matcher m = URL.matcher(out.toString());
            if (out.toString().contains("Stop with Ctrl-C.") && m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the sandbox did not start; out: " + out + " err: " + err);
    }
}

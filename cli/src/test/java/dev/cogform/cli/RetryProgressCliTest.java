package dev.cogform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's retries reach the command's error stream through the CLI, not through the engine printing. */
class RetryProgressCliTest {

    @Test
    void plan_againstAServerThatRefuses_saysWhatItWaitsFor_onTheCommandsErrorStream(@TempDir Path dir) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again: connections are refused
        }
        Files.writeString(dir.resolve("cogform.yaml"), "version: 1\nprovider:\n  region: us-east-1\n  endpoint: http://127.0.0.1:"
                + port + "\npools:\n  main:\n    id: us-east-1_abc\n    clients:\n      web:\n        name: web\n");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        CliRun run;
        try {
            run = CliRun.of("-C", dir.toString(), "plan");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("waiting for http://127.0.0.1:" + port + " (attempt 2 of ")
                .contains("error[refresh.read-failed]").doesNotContain("(attempt 1");
    }
}

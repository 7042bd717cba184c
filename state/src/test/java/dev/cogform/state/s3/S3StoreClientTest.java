package dev.cogform.state.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 client cogform builds for a state location. */
class S3StoreClientTest {

    @Test
    void aServerThatDoesNotAnswer_isWaitedForAloud_onStderr() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again below: connections are refused
        }
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        try (S3Client s3 = S3Store.client(new S3Location("bucket", "state.json", "us-east-1",
                "http://127.0.0.1:" + port, null))) {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThatThrownBy(() -> s3.headBucket(b -> b.bucket("bucket"))).isInstanceOf(SdkClientException.class);
        } finally {
            System.setErr(original);
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("waiting for http://127.0.0.1:" + port + " (attempt 2 of ")
                .doesNotContain("(attempt 1");
    }
}

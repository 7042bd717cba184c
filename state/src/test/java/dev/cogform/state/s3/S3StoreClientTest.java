package dev.cogform.state.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import dev.cogform.core.live.RetryReports;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 client cogform builds for a state location. */
class S3StoreClientTest {

    @Test
    void aServerThatDoesNotAnswer_isWaitedForAloud_toTheProgressListener() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again below: connections are refused
        }
        List<String> err = new CopyOnWriteArrayList<>();
        RetryReports.reportTo(err::add);
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        try (S3Client s3 = S3Store.client(new S3Location("bucket", "state.json", "us-east-1",
                "http://127.0.0.1:" + port, null))) {
            assertThatThrownBy(() -> s3.headBucket(b -> b.bucket("bucket"))).isInstanceOf(SdkClientException.class);
        } finally {
            RetryReports.reportTo(line -> { });
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }

        assertThat(String.join("\n", err))
                .contains("waiting for http://127.0.0.1:" + port + " (attempt 2 of ")
                .doesNotContain("(attempt 1");
    }
}

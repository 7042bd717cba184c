package dev.cogform.core.live.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

class RetryProgressTest {

    @Test
    void eachRetry_saysWhatItWaitsFor_andWhichAttemptOfHowMany() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again below: connections are refused
        }
        List<String> lines = new CopyOnWriteArrayList<>();
        RetryStrategy retries = DefaultRetryStrategy.standardStrategyBuilder().maxAttempts(3)
                .backoffStrategy(BackoffStrategy.retryImmediately()).circuitBreakerEnabled(false)
                .retryOnExceptionOrCauseInstanceOf(IOException.class).build();
        try (CognitoIdentityProviderClient client = CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .overrideConfiguration(o -> o.retryStrategy(retries)
                        .addExecutionInterceptor(new RetryProgress(retries::maxAttempts, lines::add)))
                .build()) {

            assertThatThrownBy(() -> client.listUserPools(r -> r.maxResults(1))).isInstanceOf(SdkClientException.class);
            assertThatThrownBy(() -> client.listUserPools(r -> r.maxResults(1))).isInstanceOf(SdkClientException.class);
        }

        String waiting = "waiting for http://127.0.0.1:" + port;
        assertThat(lines).containsExactly(waiting + " (attempt 2 of 3)…", waiting + " (attempt 3 of 3)…",
                waiting + " (attempt 2 of 3)…", waiting + " (attempt 3 of 3)…");
    }
}

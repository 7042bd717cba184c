package dev.cogform.state.s3;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.state.StateException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Messages of the S3 blob client that need no server: the SDK fails before sending anything. */
class S3BlobClientTest {

    @Test
    void get_withoutCredentials_saysSoBriefly() {
        try (S3Client s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create("http://127.0.0.1:1"))
                .credentialsProvider(() -> {
                    throw SdkClientException.create("Unable to load credentials from any of the providers in the chain"
                            + " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), ...])");
                }).build()) {
            S3BlobClient blob = new S3BlobClient(s3, "bucket", "stack/state.json", null);

            assertThatThrownBy(blob::get).isInstanceOf(StateException.class)
                    .hasMessageContaining("could not read s3://bucket/stack/state.json: no AWS credentials found")
                    .hasMessageContaining("AWS_ACCESS_KEY_ID")
                    .hasMessageNotContaining("AwsCredentialsProviderChain");
        }
    }
}

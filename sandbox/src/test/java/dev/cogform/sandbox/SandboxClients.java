package dev.cogform.sandbox;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** AWS SDK v2 clients pointed at a sandbox, as an independent client of it, with dummy credentials. */
final class SandboxClients {

    private SandboxClients() {
    }

    /** A client that never retries, so each call is exactly one request. */
    static CognitoIdentityProviderClient noRetries(Sandbox sandbox) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(sandbox.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                .httpClient(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** A client with the SDK's default retries. */
    static CognitoIdentityProviderClient defaultRetries(Sandbox sandbox) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(sandbox.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                .httpClient(ApacheHttpClient.builder().build())
                .build();
    }

    static UserPoolClientType create(CognitoIdentityProviderClient cognito, String poolId, String name) {
        return cognito.createUserPoolClient(CreateUserPoolClientRequest.builder()
                .userPoolId(poolId).clientName(name).build()).userPoolClient();
    }

    /** Sandbox options for tests that are not about quotas. */
    static SandboxOptions noQuotas() {
        return SandboxOptions.defaults().withQuotas(false);
    }
}

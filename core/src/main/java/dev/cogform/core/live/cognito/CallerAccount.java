package dev.cogform.core.live.cognito;

import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.GatewayException;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS account a provider config reaches, from STS {@code GetCallerIdentity}, for grouping stacks
 * by account and region. With an assumed role the role's account is read from its ARN.
 */
public final class CallerAccount {

    private CallerAccount() {
    }

    public static String of(GatewayConfig config) {
        if (config.assumeRoleArn() != null) {
            String[] parts = config.assumeRoleArn().split(":");
            if (parts.length > 4 && !parts[4].isBlank()) {
                return parts[4];
            }
        }
        var credentials = config.profile() != null
                ? ProfileCredentialsProvider.builder().profileName(config.profile()).build()
                : DefaultCredentialsProvider.builder().build();
        String region = SdkCognitoGateway.region(config.region(), System.getenv(), System.getProperty("aws.region"));
        try (StsClient sts = StsClient.builder().credentialsProvider(credentials)
                .httpClientBuilder(SdkCognitoGateway.http())
                .applyMutation(b -> {
                    if (region != null) {
                        b.region(Region.of(region));
                    }
                }).build()) {
            return sts.getCallerIdentity().account();
        } catch (SdkException e) {
            throw new GatewayException(GatewayError.ACCESS_DENIED,
                    "cannot tell the AWS account (STS GetCallerIdentity failed: " + e.getMessage() + ")", null, null, e);
        }
    }
}

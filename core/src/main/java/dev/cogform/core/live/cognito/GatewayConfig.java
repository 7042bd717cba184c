package dev.cogform.core.live.cognito;

import dev.cogform.core.desired.ProviderConfig;
import dev.cogform.core.desired.QuotaConfig;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * How {@link SdkCognitoGateway} reaches Cognito. Null members are "not set": the AWS SDK's default
 * chains then decide, with their usual precedence (for the region {@code AWS_REGION}, then
 * {@code AWS_DEFAULT_REGION} as the aws CLI reads it, then the profile's {@code region}; for the endpoint {@code AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER},
 * then {@code AWS_ENDPOINT_URL}, then the profile's settings; for credentials the default chain).
 * A value set here always wins over the environment. {@code quotas} null means Cognito's defaults.
 */
public record GatewayConfig(String region, String profile, String assumeRoleArn, URI endpoint, QuotaConfig quotas) {

    public GatewayConfig {
        quotas = quotas == null ? QuotaConfig.COGNITO_DEFAULT : quotas;
    }

    /**
     * The config for a stack's {@code provider:}. The word {@code sandbox} is not a URL: the embedded
     * sandbox is started by the caller, which then passes its URL.
     */
    public static GatewayConfig from(ProviderConfig provider) {
        if (provider == null) {
            return new GatewayConfig(null, null, null, null, null);
        }
        if (provider.sandbox()) {
            throw new IllegalArgumentException("provider.endpoint 'sandbox' names the embedded sandbox, not a URL;"
                    + " start the sandbox and pass its endpoint instead");
        }
        return new GatewayConfig(blankToNull(provider.region()), blankToNull(provider.profile()),
                blankToNull(provider.assumeRoleArn()), endpoint(provider.endpoint()), provider.quotas());
    }

    private static URI endpoint(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(text, "expected an http or https URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("provider.endpoint '" + text + "' is not a URL: " + e.getReason()
                    + "; write for example https://cognito-idp.eu-west-1.amazonaws.com or 'sandbox'", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

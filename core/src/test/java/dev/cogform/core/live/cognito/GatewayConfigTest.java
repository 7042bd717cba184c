package dev.cogform.core.live.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.desired.ProviderConfig;
import dev.cogform.core.desired.QuotaConfig;
import dev.cogform.core.live.ClientSummary;
import dev.cogform.core.testing.Peers;
import dev.cogform.core.testing.peers.Peer;
import dev.cogform.core.testing.peers.WithPeers;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    @Test
    void from_providerConfig_keepsWhatIsSet_andDefaultsTheRest() {
        GatewayConfig c = GatewayConfig.from(new ProviderConfig("eu-west-1", " ops ", "", "https://cognito.example.com",
                null));

        assertThat(c).isEqualTo(new GatewayConfig("eu-west-1", "ops", null, URI.create("https://cognito.example.com"),
                QuotaConfig.COGNITO_DEFAULT));
        assertThat(GatewayConfig.from(null)).isEqualTo(new GatewayConfig(null, null, null, null, null));
    }

    @Test
    void from_sandbox_isLeftToTheCaller() {
        assertThatThrownBy(() -> GatewayConfig.from(new ProviderConfig(null, null, null, "sandbox", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sandbox");
    }

    @Test
    void from_anEndpointThatIsNoUrl_saysWhatToWrite() {
        assertThatThrownBy(() -> GatewayConfig.from(new ProviderConfig(null, null, null, "cognito.example.com", null)))
                .hasMessageContaining("provider.endpoint 'cognito.example.com' is not a URL")
                .hasMessageContaining("https://");
    }

    @Test
    void create_signsForTheConfiguredRegion_andSendsToTheEndpoint() throws Exception {
        try (CannedCognito server = new CannedCognito(r -> CannedCognito.Answer.ok("{\"UserPoolClients\":[]}"));
             var credentials = SystemProperties.set(Map.of("aws.accessKeyId", "AKIDCONFIGTEST",
                     "aws.secretAccessKey", "secret"));
             SdkCognitoGateway gateway = SdkCognitoGateway.create(
                     new GatewayConfig("eu-west-1", null, null, server.endpoint(), null))) {

            List<ClientSummary> clients = gateway.listClients("eu-west-1_abc");

            assertThat(clients).isEmpty();
            assertThat(server.requests).singleElement().satisfies(r -> assertThat(r.authorization())
                    .contains("AKIDCONFIGTEST/").contains("/eu-west-1/cognito-idp/aws4_request"));
        }
    }

    @Test
    @WithPeers(Peer.MOTO)
    void create_withAssumeRole_signsWithTheRolesCredentials() throws Exception {
        // moto_server plays STS: it answers AssumeRole with temporary credentials (ASIA...).
        try (CannedCognito server = new CannedCognito(r -> CannedCognito.Answer.ok("{\"UserPoolClients\":[]}"));
             var settings = SystemProperties.set(Map.of("aws.accessKeyId", "AKIDBASE",
                     "aws.secretAccessKey", "secret", "aws.endpointUrlSts", Peers.moto().toString()));
             SdkCognitoGateway gateway = SdkCognitoGateway.create(new GatewayConfig("us-east-1", null,
                     "arn:aws:iam::123456789012:role/cogform-deployer", server.endpoint(), null))) {

            gateway.listClients("us-east-1_abc");

            assertThat(server.requests).singleElement().satisfies(r -> assertThat(r.authorization())
                    .doesNotContain("AKIDBASE").contains("Credential=ASIA"));
        }
    }
}

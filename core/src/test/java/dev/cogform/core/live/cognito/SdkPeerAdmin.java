package dev.cogform.core.live.cognito;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** The {@link PeerAdmin} of a peer that speaks Cognito's protocol: the plain SDK on its endpoint. */
public final class SdkPeerAdmin implements PeerAdmin {

    private final CognitoIdentityProviderClient sdk;

    private SdkPeerAdmin(CognitoIdentityProviderClient sdk) {
        this.sdk = sdk;
    }

    public static SdkPeerAdmin connect(URI endpoint) {
        return new SdkPeerAdmin(CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build());
    }

    @Override
    public String createPool(String name) {
        return sdk.createUserPool(b -> b.poolName(name)).userPool().id();
    }

    @Override
    public String createPool(String name, List<String> required, List<String> custom) {
        List<SchemaAttributeType> schema = new ArrayList<>();
        required.forEach(a -> schema.add(SchemaAttributeType.builder().name(a).attributeDataType("String")
                .required(true).mutable(true).build()));
        custom.forEach(a -> schema.add(SchemaAttributeType.builder().name(a).attributeDataType("String")
                .mutable(true).build()));
        return sdk.createUserPool(b -> b.poolName(name).schema(schema)).userPool().id();
    }

    @Override
    public void deletePoolQuietly(String poolId) {
        try {
            sdk.deleteUserPool(b -> b.userPoolId(poolId));
        } catch (RuntimeException e) {
            // Best effort; peers are thrown away after the run.
        }
    }

    @Override
    public String createBareClient(String poolId, String name) {
        return sdk.createUserPoolClient(b -> b.userPoolId(poolId).clientName(name)).userPoolClient().clientId();
    }

    @Override
    public UserPoolClientType describe(String poolId, String clientId) {
        return sdk.describeUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId)).userPoolClient();
    }

    @Override
    public ListUserPoolClientsResponse listPage(String poolId, int maxResults) {
        return sdk.listUserPoolClients(b -> b.userPoolId(poolId).maxResults(maxResults));
    }

    @Override
    public void createOidcProvider(String poolId, String name) {
        sdk.createIdentityProvider(b -> b.userPoolId(poolId).providerName(name)
                .providerType(IdentityProviderTypeType.OIDC)
                .providerDetails(Map.of("client_id", "contract-client", "client_secret", "contract-secret",
                        "authorize_scopes", "openid", "oidc_issuer", "https://issuer.example.com",
                        "attributes_request_method", "GET")));
    }

    @Override
    public void createResourceServer(String poolId, String identifier, List<String> scopes) {
        sdk.createResourceServer(b -> b.userPoolId(poolId).identifier(identifier).name(identifier.replaceAll("[^\\w\\s+=,.@-]", "-"))
                .scopes(scopes.stream().map(s -> ResourceServerScopeType.builder().scopeName(s)
                        .scopeDescription("scope " + s).build()).toList()));
    }

    @Override
    public void close() {
        sdk.close();
    }
}

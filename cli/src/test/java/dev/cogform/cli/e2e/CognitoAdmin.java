package dev.cogform.cli.e2e;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * What a person or another tool does to Cognito behind cogform's back, through the plain AWS SDK:
 * pools and what clients need in them (cogform has no CreateUserPool), and out-of-band changes.
 */
final class CognitoAdmin implements AutoCloseable {

    private final CognitoIdentityProviderClient sdk;

    CognitoAdmin(URI endpoint) {
        this.sdk = CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("e2e", "e2e")))
                .build();
    }

    String createPool(String name) {
        return sdk.createUserPool(b -> b.poolName(name)).userPool().id();
    }

    /** A pool whose schema requires the standard attributes {@code required} and has the {@code custom} ones. */
    String createPool(String name, List<String> required, List<String> custom) {
        List<SchemaAttributeType> schema = new java.util.ArrayList<>();
        required.forEach(a -> schema.add(SchemaAttributeType.builder().name(a).attributeDataType("String")
                .required(true).mutable(true).build()));
        custom.forEach(a -> schema.add(SchemaAttributeType.builder().name(a).attributeDataType("String")
                .mutable(true).build()));
        return sdk.createUserPool(b -> b.poolName(name).schema(schema)).userPool().id();
    }

    void deletePoolQuietly(String poolId) {
        try {
            sdk.deleteUserPool(b -> b.userPoolId(poolId));
        } catch (RuntimeException e) {
            // Cleanup only; a failure here must not hide the test's own outcome.
        }
    }

    void createResourceServer(String poolId, String identifier, List<String> scopes) {
        sdk.createResourceServer(b -> b.userPoolId(poolId).identifier(identifier).name(identifier)
                .scopes(scopes.stream().map(s -> ResourceServerScopeType.builder().scopeName(s)
                        .scopeDescription("scope " + s).build()).toList()));
    }

    void createOidcProvider(String poolId, String name) {
        sdk.createIdentityProvider(b -> b.userPoolId(poolId).providerName(name)
                .providerType(IdentityProviderTypeType.OIDC)
                .providerDetails(Map.of("client_id", "e2e-client", "client_secret", "e2e-idp-secret",
                        "authorize_scopes", "openid", "oidc_issuer", "https://issuer.example.com",
                        "attributes_request_method", "GET")));
    }

    /** The client as Cognito describes it, or empty when it does not exist. */
    Optional<UserPoolClientType> describe(String poolId, String clientId) {
        try {
            return Optional.of(sdk.describeUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId)).userPoolClient());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    UserPoolClientType describeExisting(String poolId, String clientId) {
        return describe(poolId, clientId).orElseThrow(
                () -> new AssertionError("client " + clientId + " does not exist in pool " + poolId));
    }

    List<UserPoolClientDescription> list(String poolId) {
        return sdk.listUserPoolClientsPaginator(b -> b.userPoolId(poolId).maxResults(60)).userPoolClients()
                .stream().toList();
    }

    /**
     * The console's way of editing a client: read it whole, change some members, send it all back
     * (UpdateUserPoolClient resets what it leaves out). {@code change} edits the full request.
     */
    void edit(String poolId, String clientId, UnaryOperator<UpdateUserPoolClientRequest.Builder> change) {
        UserPoolClientType c = describeExisting(poolId, clientId);
        UpdateUserPoolClientRequest.Builder b = UpdateUserPoolClientRequest.builder();
        // Member by member through the SDK's own tables, so a member AWS adds is carried over too.
        Map<String, SdkField<?>> described = c.sdkFields().stream()
                .collect(Collectors.toMap(SdkField::memberName, Function.identity()));
        for (SdkField<?> target : b.sdkFields()) {
            SdkField<?> source = described.get(target.memberName());
            Object value = source == null ? null : source.getValueOrDefault(c);
            if (value != null && !(value instanceof SdkAutoConstructList)) {
                target.set(b, value);
            }
        }
        b.userPoolId(poolId).clientId(clientId);
        sdk.updateUserPoolClient(change.apply(b).build());
    }

    /** A client made by hand (the console's way): returns its id. */
    String createClient(String poolId, String name, boolean secret, List<String> oauthFlows, List<String> scopes) {
        return sdk.createUserPoolClient(b -> b.userPoolId(poolId).clientName(name).generateSecret(secret)
                .allowedOAuthFlowsWithStrings(oauthFlows.isEmpty() ? null : oauthFlows)
                .allowedOAuthScopes(scopes.isEmpty() ? null : scopes)
                .allowedOAuthFlowsUserPoolClient(!oauthFlows.isEmpty())).userPoolClient().clientId();
    }

    /** Creates a client the way a console or another tool does; returns its id. */
    String create(String poolId, UnaryOperator<CreateUserPoolClientRequest.Builder> settings) {
        return sdk.createUserPoolClient(settings.apply(CreateUserPoolClientRequest.builder().userPoolId(poolId)).build())
                .userPoolClient().clientId();
    }

    /** The SDK client, for calls the scenarios make directly. */
    CognitoIdentityProviderClient sdk() {
        return sdk;
    }

    void delete(String poolId, String clientId) {
        sdk.deleteUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId));
    }

    @Override
    public void close() {
        sdk.close();
    }
}

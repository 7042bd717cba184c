package dev.cogform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AnalyticsConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/** What the sandbox answers for app clients and pools, through the AWS SDK v2. */
class SandboxClientSemanticsTest {

    private static Sandbox sandbox;
    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxClients.noQuotas());
        cognito = SandboxClients.noRetries(sandbox);
    }

    @AfterAll
    static void stop() {
        cognito.close();
        sandbox.close();
    }

    @Test
    void describe_ofClientCreatedWithNameOnly_returnsCognitoDefaults() {
        String pool = sandbox.ensurePool("defaults");
        UserPoolClientType created = SandboxClients.create(cognito, pool, "bare");

        UserPoolClientType c = cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId(created.clientId()))
                .userPoolClient();

        assertThat(c.clientId()).matches("[a-z0-9]{26}");
        assertThat(c.userPoolId()).isEqualTo(pool);
        assertThat(c.clientName()).isEqualTo("bare");
        assertThat(c.clientSecret()).isNull();
        assertThat(c.refreshTokenValidity()).isEqualTo(30);
        assertThat(c.accessTokenValidity()).isNull();
        assertThat(c.idTokenValidity()).isNull();
        assertThat(c.tokenValidityUnits().accessTokenAsString()).isEqualTo("hours");
        assertThat(c.tokenValidityUnits().idTokenAsString()).isEqualTo("hours");
        assertThat(c.tokenValidityUnits().refreshTokenAsString()).isEqualTo("days");
        assertThat(c.explicitAuthFlowsAsStrings())
                .containsExactlyInAnyOrder("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH");
        assertThat(c.allowedOAuthFlowsUserPoolClient()).isFalse();
        assertThat(c.authSessionValidity()).isEqualTo(3);
        assertThat(c.enableTokenRevocation()).isTrue();
        assertThat(c.enablePropagateAdditionalUserContextData()).isFalse();
        assertThat(c.preventUserExistenceErrorsAsString()).isEqualTo("LEGACY");
        assertThat(c.refreshTokenRotation().featureAsString()).isEqualTo("DISABLED");
        assertThat(c.refreshTokenRotation().retryGracePeriodSeconds()).isZero();
        assertThat(c.hasCallbackURLs()).isFalse();
        assertThat(c.hasReadAttributes()).isFalse();
        assertThat(c.hasAllowedOAuthScopes()).isFalse();
        assertThat(c.creationDate()).isNotNull();
        assertThat(c.lastModifiedDate()).isNotNull().isAfterOrEqualTo(c.creationDate());
        assertThat(c).isEqualTo(created);
    }

    @Test
    void generateSecret_givesA51CharacterSecret_thatDescribeAndUpdateKeep() {
        String pool = sandbox.ensurePool("secrets");
        UserPoolClientType created = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("confidential")
                .generateSecret(true)).userPoolClient();

        assertThat(created.clientSecret()).matches("[a-z0-9]{51}");
        assertThat(cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId(created.clientId()))
                .userPoolClient().clientSecret()).isEqualTo(created.clientSecret());
        assertThat(cognito.updateUserPoolClient(r -> r.userPoolId(pool).clientId(created.clientId())
                .clientName("confidential")).userPoolClient().clientSecret()).isEqualTo(created.clientSecret());
    }

    @Test
    void update_replacesTheWholeClient_omittedFieldsReturnToDefaults() {
        String pool = sandbox.ensurePool("replace");
        cognito.createResourceServer(r -> r.userPoolId(pool).identifier("https://api.example.com").name("api")
                .scopes(ResourceServerScopeType.builder().scopeName("read").scopeDescription("read").build()));
        cognito.createIdentityProvider(r -> r.userPoolId(pool).providerName("Google")
                .providerType(IdentityProviderTypeType.GOOGLE)
                .providerDetails(Map.of("client_id", "x", "client_secret", "y", "authorize_scopes", "openid")));
        UserPoolClientType full = cognito.createUserPoolClient(CreateUserPoolClientRequest.builder()
                .userPoolId(pool).clientName("full").generateSecret(true)
                .accessTokenValidity(30).idTokenValidity(45).refreshTokenValidity(7)
                .tokenValidityUnits(u -> u.accessToken("minutes").idToken("minutes").refreshToken("days"))
                .readAttributes("email", "name").writeAttributes("name")
                .explicitAuthFlowsWithStrings("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")
                .supportedIdentityProviders("COGNITO", "Google")
                .callbackURLs("https://app.example.com/cb", "http://localhost:3000/cb")
                .logoutURLs("https://app.example.com/bye")
                .defaultRedirectURI("https://app.example.com/cb")
                .allowedOAuthFlowsWithStrings("code")
                .allowedOAuthScopes("openid", "email", "https://api.example.com/read")
                .allowedOAuthFlowsUserPoolClient(true)
                .analyticsConfiguration(AnalyticsConfigurationType.builder()
                        .applicationArn("arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc").build())
                .preventUserExistenceErrors("ENABLED")
                .enableTokenRevocation(false)
                .enablePropagateAdditionalUserContextData(true)
                .authSessionValidity(10)
                .build()).userPoolClient();
        assertThat(full.callbackURLs()).containsExactly("http://localhost:3000/cb", "https://app.example.com/cb");
        assertThat(full.accessTokenValidity()).isEqualTo(30);

        UserPoolClientType updated = cognito.updateUserPoolClient(r -> r.userPoolId(pool).clientId(full.clientId())
                .refreshTokenValidity(10)).userPoolClient();

        assertThat(updated.clientName()).as("ClientName omitted: kept (documented sandbox choice)").isEqualTo("full");
        assertThat(updated.clientSecret()).isEqualTo(full.clientSecret());
        assertThat(updated.creationDate()).isEqualTo(full.creationDate());
        assertThat(updated.refreshTokenValidity()).isEqualTo(10);
        assertThat(updated.accessTokenValidity()).isNull();
        assertThat(updated.idTokenValidity()).isNull();
        assertThat(updated.tokenValidityUnits().accessTokenAsString()).isEqualTo("hours");
        assertThat(updated.hasReadAttributes()).isFalse();
        assertThat(updated.hasWriteAttributes()).isFalse();
        assertThat(updated.explicitAuthFlowsAsStrings())
                .containsExactlyInAnyOrder("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH");
        assertThat(updated.hasSupportedIdentityProviders()).isFalse();
        assertThat(updated.hasCallbackURLs()).isFalse();
        assertThat(updated.hasLogoutURLs()).isFalse();
        assertThat(updated.defaultRedirectURI()).isNull();
        assertThat(updated.hasAllowedOAuthFlows()).isFalse();
        assertThat(updated.hasAllowedOAuthScopes()).isFalse();
        assertThat(updated.allowedOAuthFlowsUserPoolClient()).isFalse();
        assertThat(updated.analyticsConfiguration()).isNull();
        assertThat(updated.preventUserExistenceErrorsAsString()).isEqualTo("LEGACY");
        assertThat(updated.enableTokenRevocation()).isTrue();
        assertThat(updated.enablePropagateAdditionalUserContextData()).isFalse();
        assertThat(updated.authSessionValidity()).isEqualTo(3);
        assertThat(cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId(full.clientId())).userPoolClient())
                .isEqualTo(updated);
    }

    @Test
    void update_withName_renamesAndMovesLastModified() throws InterruptedException {
        String pool = sandbox.ensurePool("rename");
        UserPoolClientType c = SandboxClients.create(cognito, pool, "before");
        Thread.sleep(5); // dates have millisecond resolution

        UserPoolClientType after = cognito.updateUserPoolClient(r -> r.userPoolId(pool).clientId(c.clientId())
                .clientName("after")).userPoolClient();

        assertThat(after.clientName()).isEqualTo("after");
        assertThat(after.lastModifiedDate()).isAfter(c.lastModifiedDate());
        assertThat(after.creationDate()).isEqualTo(c.creationDate());
    }

    @Test
    void missingPoolOrClient_isResourceNotFound_inCognitosWords() {
        String pool = sandbox.ensurePool("missing");

        assertThatThrownBy(() -> cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId("nosuchclient")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("User pool client nosuchclient does not exist.");
        assertThatThrownBy(() -> cognito.listUserPoolClients(r -> r.userPoolId("us-east-1_nothere")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("User pool us-east-1_nothere does not exist.");
        assertThatThrownBy(() -> cognito.updateUserPoolClient(r -> r.userPoolId(pool).clientId("nosuchclient")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void delete_removesTheClient_andDeletingAgainIsNotFound() {
        String pool = sandbox.ensurePool("delete");
        UserPoolClientType c = SandboxClients.create(cognito, pool, "doomed");

        cognito.deleteUserPoolClient(r -> r.userPoolId(pool).clientId(c.clientId()));

        assertThat(cognito.listUserPoolClients(r -> r.userPoolId(pool)).userPoolClients()).isEmpty();
        assertThatThrownBy(() -> cognito.deleteUserPoolClient(r -> r.userPoolId(pool).clientId(c.clientId())))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void pools_haveRegionalIds_ensurePoolIsIdempotent_andDeletingAPoolTakesItsClients() {
        String id = sandbox.ensurePool("pool-life");
        assertThat(id).matches("us-east-1_[A-Za-z0-9]{9}").isEqualTo(sandbox.ensurePool("pool-life"));
        UserPoolType described = cognito.describeUserPool(r -> r.userPoolId(id)).userPool();
        assertThat(described.name()).isEqualTo("pool-life");
        assertThat(described.arn()).isEqualTo("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + id);
        UserPoolClientType c = SandboxClients.create(cognito, id, "c");

        cognito.deleteUserPool(r -> r.userPoolId(id));

        assertThatThrownBy(() -> cognito.describeUserPoolClient(r -> r.userPoolId(id).clientId(c.clientId())))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("User pool " + id);
        assertThat(sandbox.ensurePool("pool-life")).isNotEqualTo(id);
    }

    @Test
    void createUserPool_echoesItsSettings() {
        UserPoolType pool = cognito.createUserPool(r -> r.poolName("echo").autoVerifiedAttributesWithStrings("email"))
                .userPool();

        assertThat(pool.id()).startsWith("us-east-1_");
        assertThat(pool.autoVerifiedAttributesAsStrings()).containsExactly("email");
        assertThat(pool.creationDate()).isNotNull();
        assertThat(cognito.listUserPools(r -> r.maxResults(60)).userPools())
                .anySatisfy(p -> assertThat(p.id()).isEqualTo(pool.id()));
    }

    @Test
    void analyticsByApplicationArn_getsCognitosServiceLinkedRole() {
        String pool = sandbox.ensurePool("analytics-arn");
        UserPoolClientType c = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("pinpoint")
                .analyticsConfiguration(a -> a.applicationArn("arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc")
                        .userDataShared(true))).userPoolClient();

        assertThat(c.analyticsConfiguration().roleArn()).isEqualTo(
                "arn:aws:iam::000000000000:role/aws-service-role/cognito-idp.amazonaws.com/AWSServiceRoleForAmazonCognitoIdp");
        assertThat(c.analyticsConfiguration().externalId()).isNull();
        assertThat(cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId(c.clientId())).userPoolClient()
                .analyticsConfiguration()).isEqualTo(c.analyticsConfiguration());
        UserPoolClientType byId = cognito.updateUserPoolClient(r -> r.userPoolId(pool).clientId(c.clientId())
                .analyticsConfiguration(a -> a.applicationId("0123456789abcdef0123456789abcdef")
                        .roleArn("arn:aws:iam::123456789012:role/mine").externalId("x"))).userPoolClient();
        assertThat(byId.analyticsConfiguration().roleArn()).as("a role given with an application id is kept")
                .isEqualTo("arn:aws:iam::123456789012:role/mine");
    }

    @Test
    void analyticsByApplicationArn_takesBackItsServiceLinkedRole_butNoOtherRoleOrExternalId() {
        String pool = sandbox.ensurePool("analytics-arn-conflicts");
        String arn = "arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc";
        UserPoolClientType c = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("pinpoint")
                .analyticsConfiguration(a -> a.applicationArn(arn))).userPoolClient();

        // Describe's answer sent back as is: accepted.
        UserPoolClientType again = cognito.updateUserPoolClient(r -> r.userPoolId(pool).clientId(c.clientId())
                .analyticsConfiguration(c.analyticsConfiguration())).userPoolClient();

        assertThat(again.analyticsConfiguration()).isEqualTo(c.analyticsConfiguration());
        assertThatThrownBy(() -> cognito.updateUserPoolClient(r -> r.userPoolId(pool).clientId(c.clientId())
                .analyticsConfiguration(a -> a.applicationArn(arn).roleArn("arn:aws:iam::123456789012:role/mine"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining(ClientRules.ANALYTICS_ARN_CONFLICTS);
        assertThatThrownBy(() -> cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("ext")
                .analyticsConfiguration(a -> a.applicationArn(arn).externalId("x"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining(ClientRules.ANALYTICS_ARN_CONFLICTS);
    }

    @Test
    void poolSchema_hasEveryStandardAttribute_theRequestedOnes_andCustomOnesPrefixed() {
        UserPoolType pool = cognito.createUserPool(r -> r.poolName("schema").schema(
                SchemaAttributeType.builder().name("email").attributeDataType("String").required(true).build(),
                SchemaAttributeType.builder().name("tenant").attributeDataType("String").mutable(true).build()))
                .userPool();

        List<SchemaAttributeType> schema = cognito.describeUserPool(r -> r.userPoolId(pool.id())).userPool()
                .schemaAttributes();

        assertThat(schema).extracting(SchemaAttributeType::name).startsWith("sub", "name").contains("email",
                "phone_number_verified", "updated_at").endsWith("custom:tenant").hasSize(21);
        assertThat(schema).filteredOn(SchemaAttributeType::required).extracting(SchemaAttributeType::name)
                .containsExactly("sub", "email");
        assertThat(pool.schemaAttributes()).isEqualTo(schema);
        assertThat(cognito.describeUserPool(r -> r.userPoolId(sandbox.ensurePool("plain"))).userPool()
                .schemaAttributes()).hasSize(20).filteredOn(SchemaAttributeType::required)
                .extracting(SchemaAttributeType::name).containsExactly("sub");
        assertThatThrownBy(() -> cognito.createUserPool(r -> r.poolName("bad").schema(SchemaAttributeType.builder()
                .name("tier").attributeDataType("String").required(true).build())))
                .hasMessageContaining("Required custom attributes are not supported currently.");
    }

    @Test
    void ensurePool_givesANewPoolItsCustomAttributes_butLeavesAnExistingPoolsSchemaAlone() {
        String pool = sandbox.ensurePool("ensured", List.of("tenant"));

        assertThat(sandbox.ensurePool("ensured", List.of("tenant", "plan"))).isEqualTo(pool);
        assertThat(cognito.describeUserPool(r -> r.userPoolId(pool)).userPool().schemaAttributes())
                .extracting(SchemaAttributeType::name).endsWith("custom:tenant").doesNotContain("custom:plan").hasSize(21);
    }

    @Test
    void requiredAttributes_joinANonEmptyWriteAttributes_onCreateAndUpdate() {
        String pool = cognito.createUserPool(r -> r.poolName("required").schema(
                SchemaAttributeType.builder().name("email").attributeDataType("String").required(true).build(),
                SchemaAttributeType.builder().name("family_name").attributeDataType("String").required(true).build()))
                .userPool().id();

        UserPoolClientType created = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("w")
                .writeAttributes("name")).userPoolClient();
        UserPoolClientType updated = cognito.updateUserPoolClient(r -> r.userPoolId(pool).clientId(created.clientId())
                .writeAttributes("nickname", "email")).userPoolClient();
        UserPoolClientType none = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("none"))
                .userPoolClient();

        assertThat(created.writeAttributes()).containsExactly("email", "family_name", "name");
        assertThat(updated.writeAttributes()).containsExactly("email", "family_name", "nickname");
        assertThat(none.hasWriteAttributes()).as("no list already means every standard attribute").isFalse();
    }

    @Test
    void customAttributes_mustExistInThePool() {
        String pool = cognito.createUserPool(r -> r.poolName("custom").schema(
                SchemaAttributeType.builder().name("tenant").attributeDataType("String").build())).userPool().id();

        assertThat(cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("ok")
                .readAttributes("custom:tenant").writeAttributes("custom:tenant")).userPoolClient().writeAttributes())
                .containsExactly("custom:tenant");
        assertThatThrownBy(() -> cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("bad")
                .writeAttributes("custom:does_not_exist")))
                .hasMessageContaining("Invalid write attributes specified while creating a client");
        assertThatThrownBy(() -> cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("bad")
                .readAttributes("custom:does_not_exist")))
                .hasMessageContaining("Invalid read attributes specified while creating a client");
    }

    @Test
    void identityProvidersAndResourceServers_areListed() {
        String pool = sandbox.ensurePool("resources");
        cognito.createIdentityProvider(r -> r.userPoolId(pool).providerName("corp-saml")
                .providerType(IdentityProviderTypeType.SAML).providerDetails(Map.of("MetadataURL", "https://idp/x")));
        cognito.createResourceServer(r -> r.userPoolId(pool).identifier("orders").name("Orders")
                .scopes(ResourceServerScopeType.builder().scopeName("write").scopeDescription("w").build()));

        assertThat(cognito.listIdentityProviders(r -> r.userPoolId(pool)).providers())
                .extracting(p -> p.providerName() + "/" + p.providerTypeAsString())
                .containsExactly("corp-saml/SAML");
        assertThat(cognito.listResourceServers(r -> r.userPoolId(pool).maxResults(50)).resourceServers())
                .singleElement()
                .satisfies(s -> assertThat(s.scopes()).extracting(ResourceServerScopeType::scopeName)
                        .isEqualTo(List.of("write")));
        UserPoolClientType m2m = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("m2m")
                .generateSecret(true).allowedOAuthFlowsWithStrings("client_credentials")
                .allowedOAuthScopes("orders/write").allowedOAuthFlowsUserPoolClient(true)
                .supportedIdentityProviders("corp-saml")).userPoolClient();
        assertThat(m2m.allowedOAuthScopes()).containsExactly("orders/write");
    }

    @Test
    void regionOption_appearsInPoolIdsAndArns() {
        try (Sandbox eu = Sandbox.start(SandboxClients.noQuotas().withRegion("eu-west-1"))) {
            String id = eu.ensurePool("p");
            assertThat(id).startsWith("eu-west-1_");
        }
    }
}

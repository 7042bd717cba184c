package dev.cogform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AnalyticsConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidOAuthFlowException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ScopeDoesNotExistException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** Each validation rule of the sandbox, as the error type and message an SDK client sees. */
class SandboxValidationTest {

    private static Sandbox sandbox;
    private static CognitoIdentityProviderClient cognito;
    private static String pool;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxClients.noQuotas());
        cognito = SandboxClients.noRetries(sandbox);
        pool = sandbox.ensurePool("validation");
        cognito.createResourceServer(r -> r.userPoolId(pool).identifier("orders").name("Orders")
                .scopes(ResourceServerScopeType.builder().scopeName("read").scopeDescription("read").build()));
    }

    @AfterAll
    static void stop() {
        cognito.close();
        sandbox.close();
    }

    private record Case(String name, Consumer<CreateUserPoolClientRequest.Builder> request,
                        Class<? extends CognitoIdentityProviderException> error, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String IPE = "InvalidParameterException";

    static Stream<Case> invalidClients() {
        return Stream.of(
                new Case("access token of 2 days", b -> b.accessTokenValidity(2)
                        .tokenValidityUnits(u -> u.accessToken("days")),
                        InvalidParameterException.class, "Invalid range for token validity."),
                new Case("access token of 4 minutes", b -> b.accessTokenValidity(4)
                        .tokenValidityUnits(u -> u.accessToken("minutes")),
                        InvalidParameterException.class, "Invalid range for token validity."),
                new Case("id token of 25 hours (default unit)", b -> b.idTokenValidity(25),
                        InvalidParameterException.class, "Invalid range for token validity."),
                new Case("refresh token of 36500 days", b -> b.refreshTokenValidity(36_500),
                        InvalidParameterException.class, "Invalid range for token validity."),
                new Case("refresh token of 59 minutes", b -> b.refreshTokenValidity(59)
                        .tokenValidityUnits(u -> u.refreshToken("minutes")),
                        InvalidParameterException.class, "Invalid range for token validity."),
                new Case("name of 129 characters", b -> b.clientName("n".repeat(129)),
                        InvalidParameterException.class, "1 validation error detected: Value '" + "n".repeat(129)
                        + "' at 'clientName' failed to satisfy constraint: Member must have length less than or equal to 128"),
                new Case("name with a bad character", b -> b.clientName("web!"),
                        InvalidParameterException.class,
                        "at 'clientName' failed to satisfy constraint: Member must satisfy regular expression pattern"),
                new Case("unknown explicit auth flow", b -> b.explicitAuthFlowsWithStrings("BOGUS_FLOW"),
                        InvalidParameterException.class, "Value '[BOGUS_FLOW]' at 'explicitAuthFlows' failed to "
                        + "satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: ["),
                new Case("unknown PreventUserExistenceErrors", b -> b.preventUserExistenceErrors("MAYBE"),
                        InvalidParameterException.class, "Value 'MAYBE' at 'preventUserExistenceErrors' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [LEGACY, ENABLED]"),
                new Case("unknown token unit", b -> b.tokenValidityUnits(u -> u.accessToken("weeks")),
                        InvalidParameterException.class, "at 'tokenValidityUnits.accessToken' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [seconds, minutes, hours, days]"),
                new Case("unknown OAuth flow", b -> b.allowedOAuthFlowsWithStrings("nonsense"),
                        InvalidParameterException.class, "at 'allowedOAuthFlows' failed to satisfy constraint"),
                new Case("auth session of 16 minutes", b -> b.authSessionValidity(16),
                        InvalidParameterException.class, "Value '16' at 'authSessionValidity' failed to satisfy "
                        + "constraint: Member must have value less than or equal to 15"),
                new Case("auth session of 2 minutes", b -> b.authSessionValidity(2),
                        InvalidParameterException.class, "Member must have value greater than or equal to 3"),
                new Case("two violations at once", b -> b.authSessionValidity(2).preventUserExistenceErrors("X"),
                        InvalidParameterException.class, "2 validation errors detected: "),
                new Case("101 callback URLs", b -> b.callbackURLs(IntStream.range(0, 101)
                                .mapToObj(i -> "https://e.example/" + i).toList()),
                        InvalidParameterException.class, "at 'callbackURLs' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 100"),
                new Case("51 scopes", b -> b.allowedOAuthScopes(IntStream.range(0, 51).mapToObj(i -> "s" + i).toList()),
                        InvalidParameterException.class, "Member must have length less than or equal to 50"),
                new Case("legacy and ALLOW_ flows mixed", b -> b.explicitAuthFlowsWithStrings("USER_PASSWORD_AUTH",
                                "ALLOW_REFRESH_TOKEN_AUTH"),
                        InvalidParameterException.class, ClientRules.MIXED_AUTH_FLOWS),
                new Case("ALLOW_ flows without refresh", b -> b.explicitAuthFlowsWithStrings("ALLOW_USER_SRP_AUTH"),
                        InvalidParameterException.class, "REFRESH_TOKEN_AUTH should always be allowed."),
                new Case("rotation with refresh-token auth", b -> b
                                .explicitAuthFlowsWithStrings("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")
                                .refreshTokenRotation(r -> r.feature("ENABLED").retryGracePeriodSeconds(10)),
                        InvalidParameterException.class, "Refresh token rotation isn't compatible"),
                new Case("OAuth allowed without flows and scopes", b -> b.allowedOAuthFlowsUserPoolClient(true),
                        InvalidParameterException.class, "AllowedOAuthFlows and AllowedOAuthScopes are required if "
                        + "user pool client is allowed to use OAuth flows."),
                new Case("client_credentials with code", b -> b.generateSecret(true)
                                .allowedOAuthFlowsWithStrings("client_credentials", "code")
                                .callbackURLs("https://a.example/cb").allowedOAuthScopes("orders/read"),
                        InvalidOAuthFlowException.class, "client_credentials flow can not be selected along with"),
                new Case("client_credentials without a secret", b -> b.allowedOAuthFlowsWithStrings("client_credentials")
                                .allowedOAuthScopes("orders/read"),
                        InvalidOAuthFlowException.class,
                        "client_credentials flow can not be selected if client does not have a client secret."),
                new Case("client_credentials with openid", b -> b.generateSecret(true)
                                .allowedOAuthFlowsWithStrings("client_credentials").allowedOAuthScopes("openid"),
                        InvalidOAuthFlowException.class, "openid is not supported with client_credentials flow"),
                new Case("code flow without callback URLs", b -> b.allowedOAuthFlowsWithStrings("code")
                                .allowedOAuthScopes("openid").allowedOAuthFlowsUserPoolClient(true),
                        InvalidOAuthFlowException.class,
                        "CallbackUrls can not be empty when code flow or implicit flow is selected"),
                new Case("custom scope not on a resource server", b -> b.allowedOAuthFlowsWithStrings("code")
                                .callbackURLs("https://a.example/cb").allowedOAuthScopes("openid", "orders/delete"),
                        ScopeDoesNotExistException.class, "Invalid scope requested: orders/delete"),
                new Case("plain HTTP callback", b -> b.callbackURLs("http://app.example.com/cb"),
                        InvalidParameterException.class, "http://app.example.com/cb cannot use the HTTP protocol."),
                new Case("localhost.com is not localhost", b -> b.callbackURLs("http://localhost.com/"),
                        InvalidParameterException.class, "http://localhost.com/ cannot use the HTTP protocol."),
                new Case("callback with a fragment", b -> b.callbackURLs("https://a.example/cb#x"),
                        InvalidParameterException.class, "CallbackURLs can not contain a fragment"),
                new Case("callback URL without a scheme", b -> b.callbackURLs("app.example.com/{id}"),
                        InvalidParameterException.class, "CallbackURLs contains an invalid URL: app.example.com/{id}"),
                new Case("default redirect not a callback", b -> b.callbackURLs("https://a.example/cb")
                                .defaultRedirectURI("https://a.example/other"),
                        InvalidParameterException.class, "DefaultRedirectURI must be one of the CallbackURLs."),
                new Case("unknown identity provider", b -> b.supportedIdentityProviders("COGNITO", "Facebook"),
                        InvalidParameterException.class, "The provider Facebook does not exist for User Pool {pool}"),
                new Case("context data without a secret", b -> b.enablePropagateAdditionalUserContextData(true),
                        InvalidParameterException.class, ClientRules.PROPAGATE_NEEDS_SECRET),
                new Case("analytics with both application id and ARN", b -> b.analyticsConfiguration(
                                AnalyticsConfigurationType.builder().applicationId("abc123")
                                        .applicationArn("arn:aws:mobiletargeting:us-east-1:123456789012:apps/x").build()),
                        InvalidParameterException.class, ClientRules.ANALYTICS_ONE_APPLICATION),
                new Case("analytics application id without role", b -> b.analyticsConfiguration(
                                AnalyticsConfigurationType.builder().applicationId("abc123").build()),
                        InvalidParameterException.class, ClientRules.ANALYTICS_ID_NEEDS_ROLE),
                new Case("unknown read attribute", b -> b.readAttributes("email", "shoe_size"),
                        InvalidParameterException.class, "Invalid read attributes specified while creating a client"),
                new Case("secret generated and given", b -> b.generateSecret(true)
                                .clientSecret("abcdefghijklmnopqrstuvwxyz"),
                        InvalidParameterException.class, ClientRules.SECRET_TWICE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidClients")
    void create_rejects(Case c) {
        CreateUserPoolClientRequest.Builder b = CreateUserPoolClientRequest.builder().userPoolId(pool).clientName("v");
        c.request.accept(b);
        CreateUserPoolClientRequest request = b.build();

        assertThatThrownBy(() -> cognito.createUserPoolClient(request))
                .isInstanceOf(c.error)
                .hasMessageContaining(c.message.replace("{pool}", pool))
                .satisfies(e -> assertThat(((CognitoIdentityProviderException) e).statusCode()).isEqualTo(400));
        assertThat(cognito.listUserPoolClients(r -> r.userPoolId(pool)).userPoolClients())
                .as("a rejected create leaves nothing behind").isEmpty();
    }

    @Test
    void update_isValidatedLikeCreate_andARejectedUpdateChangesNothing() {
        String other = sandbox.ensurePool("validation-update");
        UserPoolClientType c = cognito.createUserPoolClient(r -> r.userPoolId(other).clientName("kept")
                .accessTokenValidity(2)).userPoolClient();

        assertThatThrownBy(() -> cognito.updateUserPoolClient(r -> r.userPoolId(other).clientId(c.clientId())
                .accessTokenValidity(30)))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("Invalid range for token validity.");
        assertThatThrownBy(() -> cognito.updateUserPoolClient(r -> r.userPoolId(other).clientId(c.clientId())
                .enablePropagateAdditionalUserContextData(true)))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith(ClientRules.PROPAGATE_NEEDS_SECRET);
        assertThat(cognito.describeUserPoolClient(r -> r.userPoolId(other).clientId(c.clientId())).userPoolClient())
                .isEqualTo(c);
    }

    @Test
    void edgeValues_thatCognitoAccepts_areAccepted() {
        String other = sandbox.ensurePool("validation-ok");
        UserPoolClientType c = cognito.createUserPoolClient(r -> r.userPoolId(other).clientName("edges")
                .accessTokenValidity(5).idTokenValidity(1440).refreshTokenValidity(5_256_000)
                .tokenValidityUnits(u -> u.accessToken("minutes").idToken("minutes").refreshToken("minutes"))
                .callbackURLs("http://localhost:3000/cb", "http://127.0.0.1:8080/cb", "http://[::1]/cb",
                        "myapp://callback")
                .explicitAuthFlowsWithStrings("ALLOW_USER_SRP_AUTH")
                .refreshTokenRotation(rot -> rot.feature("ENABLED").retryGracePeriodSeconds(60))
                .authSessionValidity(15)).userPoolClient();

        assertThat(c.refreshTokenValidity()).isEqualTo(5_256_000);
        assertThat(c.callbackURLs()).hasSize(4);
        assertThat(c.refreshTokenRotation().retryGracePeriodSeconds()).isEqualTo(60);
    }

    @Test
    void urls_thatTheRedirectUrlPatternAdmits_andPlainHttpSignOut_areAccepted() {
        String other = sandbox.ensurePool("validation-urls");
        UserPoolClientType c = cognito.createUserPoolClient(r -> r.userPoolId(other).clientName("urls")
                .callbackURLs("https://app.example.com/{tenant}/cb", "https://app.example.com/a|b", "myapp://x/%zz")
                .logoutURLs("http://app.example.com/bye")).userPoolClient();

        assertThat(c.callbackURLs()).hasSize(3);
        assertThat(c.logoutURLs()).containsExactly("http://app.example.com/bye");
    }

    @Test
    void listings_validateMaxResults() {
        assertThatThrownBy(() -> cognito.listUserPoolClients(r -> r.userPoolId(pool).maxResults(61)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at 'maxResults' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 60");
        assertThatThrownBy(() -> cognito.listUserPoolClients(r -> r.userPoolId(pool).maxResults(0)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> cognito.listUserPools(r -> { }))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Value null at 'maxResults' failed to satisfy constraint: Member must not be null");
        assertThatThrownBy(() -> cognito.listUserPools(r -> r.maxResults(61)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void errorType_isOnTheExceptionForTheCaller() {
        assertThatThrownBy(() -> cognito.createUserPoolClient(r -> r.userPoolId(pool)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(IPE);
                    assertThat(e.requestId()).isNotBlank();
                    assertThat(e.getMessage()).contains("Value null at 'clientName'");
                });
    }
}

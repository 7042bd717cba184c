package dev.cogform.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.Lifecycle;
import dev.cogform.core.desired.QuotaConfig;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.live.cognito.PeerAdmin;
import dev.cogform.core.live.cognito.SdkCognitoGateway;
import dev.cogform.core.live.cognito.SdkPeerAdmin;
import dev.cogform.core.model.Analytics;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.RefreshTokenRotation;
import dev.cogform.sandbox.Sandbox;
import dev.cogform.sandbox.SandboxOptions;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Differential: {@code validate}'s verdict on a client (any error, or none) equals the sandbox's
 * (CreateUserPoolClient refused, or accepted), over settings drawn around the boundary of every rule
 * both sides check. The sandbox is reached as cogform reaches Cognito, through the SDK adapter over
 * HTTP. Values only a live pool can judge (identity providers, custom scopes, custom attributes) are
 * drawn from what the pool has, so that the offline verdict can be compared at all.
 */
class ValidateAgreesWithSandboxTest {

    private static Sandbox sandbox;
    private static CognitoGateway gateway;
    private static String pool;

    @BeforeContainer
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withQuotas(false));
        gateway = SdkCognitoGateway.forLocalEndpoint(sandbox.endpoint(), new QuotaConfig(1_000, 1_000, 1_000));
        try (PeerAdmin admin = SdkPeerAdmin.connect(sandbox.endpoint())) {
            pool = admin.createPool("differential", List.of(), List.of("tenant"));
            admin.createResourceServer(pool, "api", List.of("read"));
            // Enough custom scopes to cross the 50-scope limit with scopes that exist.
            admin.createResourceServer(pool, "big", IntStream.rangeClosed(1, 55).mapToObj(i -> "s" + i).toList());
        }
    }

    @AfterContainer
    static void stop() {
        if (gateway instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the sandbox closes next
            }
        }
        sandbox.close();
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void validateAndTheSandbox_giveTheSameVerdict(@ForAll("aroundTheRules") AppClientSettings settings) {
        DesiredClient client = new DesiredClient(new ClientAddress("main", "c"), settings, Lifecycle.DEFAULT,
                new SourcePosition("cogform.yaml", 1, 1));
        List<Diagnostic> errors = Rulebook.check(client).stream().filter(Diagnostic::isError).toList();
        String refusal = null;
        try {
            LiveClient created = gateway.create(pool, settings);
            gateway.delete(pool, created.clientId());
        } catch (GatewayException e) {
            refusal = e.getMessage();
        }

        Statistics.label("verdict").collect(refusal == null ? "accepted" : "refused");
        assertThat(refusal != null)
                .as("validate says %s; the sandbox says %s; for %s", errors.isEmpty() ? "valid" : errors,
                        refusal == null ? "accepted" : refusal, settings)
                .isEqualTo(!errors.isEmpty());
    }

    /** One change to a valid client, to one side or the other of a rule's boundary. */
    record Change(String name, UnaryOperator<AppClientSettings.Builder> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A valid client (a web client with the code flow, or a machine client with client_credentials)
     * with one to three changes: each rule's boundary is crossed alone or together with another, so
     * that both verdicts occur often.
     */
    @Provide
    Arbitrary<AppClientSettings> aroundTheRules() {
        AppClientSettings web = AppClientSettings.builder("c")
                .explicitAuthFlows(List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"))
                .supportedIdentityProviders(List.of("COGNITO")).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(List.of("code")).allowedOAuthScopes(List.of("openid", "email"))
                .callbackUrls(List.of("https://a.example/cb")).logoutUrls(List.of("https://a.example/")).build();
        AppClientSettings machine = AppClientSettings.builder("c").generateSecret(true)
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(List.of("client_credentials"))
                .allowedOAuthScopes(List.of("api/read")).build();
        Arbitrary<List<Change>> changes = Arbitraries.of(CHANGES).list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(Arbitraries.of(web, machine), changes).as((base, chosen) -> {
            AppClientSettings.Builder b = base.toBuilder();
            chosen.forEach(c -> c.apply().apply(b));
            return b.build();
        });
    }

    private static Change change(String name, UnaryOperator<AppClientSettings.Builder> apply) {
        return new Change(name, apply);
    }

    static final String PINPOINT_ARN = "arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123456789abcdef0123456789abcdef";
    static final String PINPOINT_ID = "0123456789abcdef0123456789abcdef";
    static final String ROLE = "arn:aws:iam::123456789012:role/pinpoint";

    static final List<Change> CHANGES = List.of(
            // token.*-range: access and id 5 min to 1 day, refresh 1 h to 10 years, auth session 3 to 15 min
            change("access 4m", b -> b.accessTokenValiditySeconds(240)),
            change("access 5m", b -> b.accessTokenValiditySeconds(300)),
            change("access 1d", b -> b.accessTokenValiditySeconds(86_400)),
            change("access 25h", b -> b.accessTokenValiditySeconds(90_000)),
            change("id 299s", b -> b.idTokenValiditySeconds(299)),
            change("id 1d1m", b -> b.idTokenValiditySeconds(86_460)),
            change("refresh 59m", b -> b.refreshTokenValiditySeconds(3_540)),
            change("refresh 1h", b -> b.refreshTokenValiditySeconds(3_600)),
            change("refresh 10y", b -> b.refreshTokenValiditySeconds(315_360_000)),
            change("refresh 10y1d", b -> b.refreshTokenValiditySeconds(315_446_400)),
            change("auth session 2m", b -> b.authSessionValiditySeconds(120)),
            change("auth session 3m", b -> b.authSessionValiditySeconds(180)),
            change("auth session 15m", b -> b.authSessionValiditySeconds(900)),
            change("auth session 16m", b -> b.authSessionValiditySeconds(960)),
            // flows.*: refresh-token auth missing, legacy mixed with ALLOW_, rotation against refresh-token auth
            change("flows SRP only", b -> b.explicitAuthFlows(List.of("ALLOW_USER_SRP_AUTH"))),
            change("flows refresh only", b -> b.explicitAuthFlows(List.of("ALLOW_REFRESH_TOKEN_AUTH"))),
            change("flows legacy only", b -> b.explicitAuthFlows(List.of("USER_PASSWORD_AUTH"))),
            change("flows legacy mixed", b -> b.explicitAuthFlows(List.of("USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"))),
            change("flows none", b -> b.explicitAuthFlows(List.of())),
            change("rotation on", b -> b.refreshTokenRotation(new RefreshTokenRotation("ENABLED", 60))),
            // attributes
            change("read custom", b -> b.readAttributes(List.of("email", "custom:tenant"))),
            change("read unknown", b -> b.readAttributes(List.of("email", "shoe_size"))),
            change("write unknown", b -> b.writeAttributes(List.of("shoe_size"))),
            // url.*, oauth.https-*
            change("callback http", b -> b.callbackUrls(List.of("http://a.example/cb"))),
            change("callback http localhost", b -> b.callbackUrls(List.of("http://localhost:3000/cb"))),
            change("callback http [::1]", b -> b.callbackUrls(List.of("http://[::1]/cb"))),
            change("callback http: without //", b -> b.callbackUrls(List.of("http:/a.example/cb"))),
            change("callback http: opaque", b -> b.callbackUrls(List.of("http:a.example/cb"))),
            change("callback backslash before loopback userinfo", b -> b.callbackUrls(List.of("http://a.example\\@localhost/cb"))),
            change("callback http loopback with a backslash path", b -> b.callbackUrls(List.of("http://localhost\\cb"))),
            change("callback braces and bar", b -> b.callbackUrls(List.of("https://a.example/{t}/x|y"))),
            change("callback custom scheme", b -> b.callbackUrls(List.of("myapp://cb"))),
            change("callback no scheme", b -> b.callbackUrls(List.of("a.example/cb"))),
            change("callback fragment", b -> b.callbackUrls(List.of("https://a.example/cb#f"))),
            change("callbacks none", b -> b.callbackUrls(List.of())),
            change("logout http", b -> b.logoutUrls(List.of("http://a.example/bye"))),
            change("logout no scheme", b -> b.logoutUrls(List.of("a.example/bye"))),
            change("logout braces", b -> b.logoutUrls(List.of("https://a.example/{t}"))),
            change("default redirect a callback", b -> b.defaultRedirectUri("https://a.example/cb")),
            change("default redirect elsewhere", b -> b.defaultRedirectUri("https://a.example/other")),
            // oauth.*
            change("oauth off", b -> b.allowedOAuthFlowsUserPoolClient(false)),
            change("oauth off, nothing set", b -> b.allowedOAuthFlowsUserPoolClient(false).allowedOAuthFlows(List.of())
                    .allowedOAuthScopes(List.of()).callbackUrls(List.of()).logoutUrls(List.of())),
            change("no flows", b -> b.allowedOAuthFlows(List.of())),
            change("no scopes", b -> b.allowedOAuthScopes(List.of())),
            change("implicit", b -> b.allowedOAuthFlows(List.of("implicit"))),
            change("code and client_credentials", b -> b.allowedOAuthFlows(List.of("code", "client_credentials"))),
            change("client_credentials", b -> b.allowedOAuthFlows(List.of("client_credentials"))),
            change("scopes api/read", b -> b.allowedOAuthScopes(List.of("api/read"))),
            change("scopes openid", b -> b.allowedOAuthScopes(List.of("openid"))),
            change("secret", b -> b.generateSecret(true)),
            change("no secret", b -> b.generateSecret(false)),
            change("context data", b -> b.enablePropagateAdditionalUserContextData(true)),
            // analytics.*: one application; an id needs role and external id; an ARN takes neither (but
            // Cognito's own role); formats
            change("analytics arn", b -> b.analytics(new Analytics(null, PINPOINT_ARN, null, null, false))),
            change("analytics arn, service-linked role", b -> b.analytics(new Analytics(null, PINPOINT_ARN,
                    "arn:aws:iam::123456789012:role/aws-service-role/cognito-idp.amazonaws.com/AWSServiceRoleForAmazonCognitoIdp",
                    null, false))),
            change("analytics arn, role", b -> b.analytics(new Analytics(null, PINPOINT_ARN, ROLE, null, false))),
            change("analytics arn, external id", b -> b.analytics(new Analytics(null, PINPOINT_ARN, null, "ext", false))),
            change("analytics id, role, external id", b -> b.analytics(new Analytics(PINPOINT_ID, null, ROLE, "ext", true))),
            change("analytics id, no external id", b -> b.analytics(new Analytics(PINPOINT_ID, null, ROLE, null, false))),
            change("analytics id and arn", b -> b.analytics(new Analytics(PINPOINT_ID, PINPOINT_ARN, ROLE, "ext", false))),
            change("analytics id malformed", b -> b.analytics(new Analytics("xyz", null, ROLE, "ext", false))),
            change("analytics role malformed", b -> b.analytics(new Analytics(PINPOINT_ID, null, "role", "ext", false))),
            // client.name-*
            change("name 128 chars", b -> b.clientName("n".repeat(128))),
            change("name 129 chars", b -> b.clientName("n".repeat(129))),
            change("name with a slash", b -> b.clientName("a/b")),
            change("name with +=,.@-_ and a space", b -> b.clientName("a+=,.@-_ b")),
            // url.format, url.limit
            change("callback with a space", b -> b.callbackUrls(List.of("https://a.example/c b"))),
            change("callback 1024 chars", b -> b.callbackUrls(List.of(url(1024)))),
            change("callback 1025 chars", b -> b.callbackUrls(List.of(url(1025)))),
            change("100 callbacks", b -> b.callbackUrls(urls(100))),
            change("101 callbacks", b -> b.callbackUrls(urls(101))),
            change("101 logout urls", b -> b.logoutUrls(urls(101))),
            // oauth.scope-format, oauth.scope-limit
            change("scope with a space", b -> b.allowedOAuthScopes(List.of("openid", "big/a b"))),
            change("50 scopes", b -> b.allowedOAuthScopes(scopes(50))),
            change("51 scopes", b -> b.allowedOAuthScopes(scopes(51))),
            // idp.name-format
            change("idp name 33 chars", b -> b.supportedIdentityProviders(List.of("COGNITO", "i".repeat(33)))),
            // rotation.grace-range: 0 to 60 s
            change("rotation grace 0s", b -> b.explicitAuthFlows(List.of("ALLOW_USER_SRP_AUTH"))
                    .refreshTokenRotation(new RefreshTokenRotation("ENABLED", 0))),
            change("rotation grace 61s", b -> b.explicitAuthFlows(List.of("ALLOW_USER_SRP_AUTH"))
                    .refreshTokenRotation(new RefreshTokenRotation("ENABLED", 61))),
            // enum.value
            change("prevent errors ENABLED", b -> b.preventUserExistenceErrors("ENABLED")),
            change("prevent errors unknown", b -> b.preventUserExistenceErrors("SOMETIMES")),
            change("flow unknown", b -> b.allowedOAuthFlows(List.of("code", "device"))));

    /** An https URL of exactly {@code length} characters. */
    static String url(int length) {
        String head = "https://a.example/";
        return head + "p".repeat(length - head.length());
    }

    static List<String> urls(int n) {
        return IntStream.range(0, n).mapToObj(i -> "https://a.example/cb" + i).toList();
    }

    /** {@code n} custom scopes the pool has. */
    static List<String> scopes(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "big/s" + i).toList();
    }
}

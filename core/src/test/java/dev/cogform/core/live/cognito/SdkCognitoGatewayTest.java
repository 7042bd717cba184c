package dev.cogform.core.live.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.desired.QuotaConfig;
import dev.cogform.core.live.ClientSummary;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.testing.SampleClients;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter over HTTP against canned Cognito answers: error mapping, retries, paging, locking, secrets. */
class SdkCognitoGatewayTest {

    private static final String POOL = "us-east-1_Canned1";
    private static final String DESCRIBED = "{\"UserPoolClient\":{\"UserPoolId\":\"" + POOL + "\",\"ClientId\":\"c1\","
            + "\"ClientName\":\"web\",\"ClientSecret\":\"TOPSECRETabcdefghijklmnop0123\",\"RefreshTokenValidity\":30,"
            + "\"CreationDate\":1.7E9,\"LastModifiedDate\":1.7E9}}";

    private final FakeTicker ticker = new FakeTicker();
    private CannedCognito server;
    private SdkCognitoGateway gateway;

    private SdkCognitoGateway start(Function<CannedCognito.Request, CannedCognito.Answer> script) throws IOException {
        return start(script, QuotaConfig.COGNITO_DEFAULT, ticker);
    }

    private SdkCognitoGateway start(Function<CannedCognito.Request, CannedCognito.Answer> script, QuotaConfig quotas,
                                    Ticker time) throws IOException {
        server = new CannedCognito(script);
        gateway = new SdkCognitoGateway(SdkCognitoGateway.localClient(server.endpoint()), List.of(), quotas, time,
                () -> 0.5);
        return gateway;
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void throttling_isRetriedWithBackoff_thenAnswered() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        start(r -> calls.incrementAndGet() <= 2
                ? CannedCognito.Answer.error("TooManyRequestsException", "Rate exceeded")
                : CannedCognito.Answer.ok(DESCRIBED));

        Optional<LiveClient> client = gateway.describe(POOL, "c1");

        assertThat(client).get().extracting(LiveClient::clientId).isEqualTo("c1");
        assertThat(server.count("DescribeUserPoolClient")).isEqualTo(3);
        assertThat(ticker.sleeps).contains(RetryPolicy.THROTTLING.base().toNanos() / 2,
                RetryPolicy.THROTTLING.base().toNanos());
    }

    @Test
    void throttlingThatPersists_isThrottled_afterOurAttemptsOnly() throws IOException {
        start(r -> CannedCognito.Answer.error("TooManyRequestsException", "Rate exceeded"));

        assertThatThrownBy(() -> gateway.listClients(POOL))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.error()).isEqualTo(GatewayError.THROTTLED);
                    assertThat(e.awsCode()).isEqualTo("TooManyRequestsException");
                    assertThat(e.getMessage()).contains("ListUserPoolClients", POOL, "Rate exceeded",
                            "after " + RetryPolicy.THROTTLING.maxAttempts() + " attempts");
                });
        assertThat(server.requests).as("the SDK does not retry throttling on top of cogform")
                .hasSize(RetryPolicy.THROTTLING.maxAttempts());
    }

    @Test
    void concurrentModification_isRetried_thenReported() throws IOException {
        start(r -> CannedCognito.Answer.error("ConcurrentModificationException",
                "Only one request to update user pool client can be processed at a time."));

        assertThatThrownBy(() -> gateway.update(POOL, "c1", AppClientSettings.defaults("web")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.error()).isEqualTo(GatewayError.CONCURRENT_MODIFICATION);
                    assertThat(e.getMessage()).contains("Only one request");
                });
        assertThat(server.count("UpdateUserPoolClient"))
                .isEqualTo(RetryPolicy.CONCURRENT_MODIFICATION.maxAttempts());
    }

    @Test
    void invalidParameter_keepsCognitosMessageAndReasonCode() throws IOException {
        start(r -> new CannedCognito.Answer(400, "{\"__type\":\"InvalidParameterException\","
                + "\"message\":\"Invalid range for token validity.\",\"reasonCode\":\"TOKEN_VALIDITY\"}"));

        assertThatThrownBy(() -> gateway.create(POOL, AppClientSettings.defaults("web")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.error()).isEqualTo(GatewayError.INVALID_PARAMETER);
                    assertThat(e.awsCode()).isEqualTo("InvalidParameterException");
                    assertThat(e.reasonCode()).isEqualTo("TOKEN_VALIDITY");
                    assertThat(e.getMessage()).contains("CreateUserPoolClient", POOL,
                            "Invalid range for token validity.", "TOKEN_VALIDITY");
                });
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void eachCognitoError_mapsToItsKind() throws IOException {
        Map<String, GatewayError> expected = Map.of(
                "InvalidOAuthFlowException", GatewayError.INVALID_PARAMETER,
                "ScopeDoesNotExistException", GatewayError.INVALID_PARAMETER,
                "LimitExceededException", GatewayError.LIMIT_EXCEEDED,
                "NotAuthorizedException", GatewayError.ACCESS_DENIED,
                "ResourceNotFoundException", GatewayError.NOT_FOUND,
                "InternalErrorException", GatewayError.OTHER);
        String[] current = new String[1];
        start(r -> CannedCognito.Answer.error(current[0], "message of " + current[0]));
        Map<String, GatewayError> actual = new java.util.HashMap<>();

        for (String code : expected.keySet()) {
            current[0] = code;
            try {
                gateway.update(POOL, "c1", AppClientSettings.defaults("web"));
            } catch (GatewayException e) {
                actual.put(code, e.error());
                assertThat(e.getMessage()).contains("message of " + code);
                assertThat(e.awsCode()).isEqualTo(code);
            }
        }

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void serverErrors_areRetriedByTheSdk_thenOther() throws IOException {
        start(r -> new CannedCognito.Answer(500, "{\"__type\":\"InternalErrorException\",\"message\":\"boom\"}"));

        assertThatThrownBy(() -> gateway.describe(POOL, "c1"))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.OTHER));
        assertThat(server.requests).as("3 SDK attempts, no cogform retries").hasSize(3);
    }

    @Test
    void noServerListening_isUnreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (SdkCognitoGateway g = new SdkCognitoGateway(
                SdkCognitoGateway.localClient(URI.create("http://127.0.0.1:" + port)), List.of(),
                QuotaConfig.COGNITO_DEFAULT, ticker, () -> 0.5)) {

            assertThatThrownBy(() -> g.listClients(POOL))
                    .isInstanceOfSatisfying(GatewayException.class, e -> {
                        assertThat(e.error()).isEqualTo(GatewayError.UNREACHABLE);
                        assertThat(e.getMessage()).contains("ListUserPoolClients", "cannot connect");
                    });
        }
    }

    @Test
    void deletingAMissingClient_succeeds() throws IOException {
        start(r -> CannedCognito.Answer.error("ResourceNotFoundException", "User pool client c1 does not exist."));

        gateway.delete(POOL, "c1");

        assertThat(server.count("DeleteUserPoolClient")).isEqualTo(1);
    }

    @Test
    void describe_missingClientIsEmpty_missingPoolIsNotFound() throws IOException {
        start(r -> CannedCognito.Answer.error("ResourceNotFoundException",
                r.body().get("UserPoolId").asText().equals(POOL)
                        ? "User pool client nope does not exist."
                        : "User pool " + r.body().get("UserPoolId").asText() + " does not exist."));

        assertThat(gateway.describe(POOL, "nope")).isEmpty();
        assertThatThrownBy(() -> gateway.describe("us-east-1_Gone", "nope"))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.NOT_FOUND));
    }

    @Test
    void theSecret_staysOutOfLiveClients_andComesOnlyFromReadSecret() throws IOException {
        start(r -> CannedCognito.Answer.ok(DESCRIBED));

        LiveClient client = gateway.describe(POOL, "c1").orElseThrow();

        assertThat(client.settings().generateSecret()).isTrue();
        assertThat(client.toString()).doesNotContain("TOPSECRET");
        assertThat(gateway.readSecret(POOL, "c1")).contains("TOPSECRETabcdefghijklmnop0123");
    }

    @Test
    void listClients_followsNextToken_withPagesOf60() throws IOException {
        start(r -> {
            boolean first = !r.body().has("NextToken");
            return CannedCognito.Answer.ok(first
                    ? "{\"UserPoolClients\":[{\"ClientId\":\"a\",\"ClientName\":\"A\",\"UserPoolId\":\"" + POOL + "\"}],"
                            + "\"NextToken\":\"page2\"}"
                    : "{\"UserPoolClients\":[{\"ClientId\":\"b\",\"ClientName\":\"B\",\"UserPoolId\":\"" + POOL + "\"}]}");
        });

        List<ClientSummary> clients = gateway.listClients(POOL);

        assertThat(clients).extracting(ClientSummary::clientId).containsExactly("a", "b");
        assertThat(server.requests).extracting(r -> r.body().get("MaxResults").asInt()).containsOnly(60);
        assertThat(server.requests.get(1).body().get("NextToken").asText()).isEqualTo("page2");
    }

    @Test
    void findPoolIdByName_searchesAllPages_andRefusesAmbiguity() throws IOException {
        start(r -> CannedCognito.Answer.ok(!r.body().has("NextToken")
                ? "{\"UserPools\":[{\"Id\":\"p_1\",\"Name\":\"prod\"},{\"Id\":\"p_2\",\"Name\":\"dev\"}],\"NextToken\":\"t\"}"
                : "{\"UserPools\":[{\"Id\":\"p_3\",\"Name\":\"prod\"},{\"Id\":\"p_4\",\"Name\":\"test\"}]}"));

        assertThat(gateway.findPoolIdByName("dev")).contains("p_2");
        assertThat(gateway.findPoolIdByName("test")).contains("p_4");
        assertThat(gateway.findPoolIdByName("absent")).isEmpty();
        assertThatThrownBy(() -> gateway.findPoolIdByName("prod"))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("p_1").hasMessageContaining("p_3").hasMessageContaining("by id");
        assertThat(server.requests).extracting(r -> r.body().get("MaxResults").asInt()).containsOnly(60);
    }

    @Test
    void identityProvidersAndScopes_areListed() throws IOException {
        start(r -> CannedCognito.Answer.ok(switch (r.operation()) {
            case "ListIdentityProviders" -> "{\"Providers\":[{\"ProviderName\":\"Google\",\"ProviderType\":\"Google\"}]}";
            case "ListResourceServers" -> "{\"ResourceServers\":[{\"Identifier\":\"api\",\"Name\":\"api\","
                    + "\"Scopes\":[{\"ScopeName\":\"read\",\"ScopeDescription\":\"r\"}]}]}";
            default -> "{}";
        }));

        assertThat(gateway.identityProviders(POOL)).containsExactlyInAnyOrder("COGNITO", "Google");
        assertThat(gateway.resourceServerScopes(POOL)).containsExactly("api/read");
    }

    @Test
    void writesToOnePool_neverOverlap_whileOtherPoolsProceed() throws Exception {
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        Map<String, Integer> maxInFlight = new ConcurrentHashMap<>();
        CountDownLatch bothPoolsSeen = new CountDownLatch(2);
        AtomicInteger overlappedAcrossPools = new AtomicInteger();
        start(r -> {
            String pool = r.body().get("UserPoolId").asText();
            int now = inFlight.computeIfAbsent(pool, k -> new AtomicInteger()).incrementAndGet();
            maxInFlight.merge(pool, now, Math::max);
            bothPoolsSeen.countDown();
            try {
                // The first write of each pool waits here until the other pool's write arrives:
                // that only happens if writes to different pools run in parallel.
                if (bothPoolsSeen.await(5, TimeUnit.SECONDS)) {
                    overlappedAcrossPools.incrementAndGet();
                }
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.get(pool).decrementAndGet();
            return CannedCognito.Answer.ok("{\"UserPoolClient\":{\"UserPoolId\":\"" + pool
                    + "\",\"ClientId\":\"x\",\"ClientName\":\"n\"}}");
        }, new QuotaConfig(1000, 1000, 1000), Ticker.SYSTEM);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<LiveClient>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String poolId = i % 2 == 0 ? "us-east-1_A" : "us-east-1_B";
                results.add(pool.submit(() -> gateway.update(poolId, "x", SampleClients.everyFieldSet("n"))));
            }
            for (Future<LiveClient> f : results) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(maxInFlight).containsOnlyKeys("us-east-1_A", "us-east-1_B");
        assertThat(maxInFlight.values()).containsOnly(1);
        assertThat(overlappedAcrossPools.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void region_providerWins_thenAwsRegionViaTheSdk_thenAwsDefaultRegion() {
        assertThat(SdkCognitoGateway.region("eu-west-1", Map.of("AWS_DEFAULT_REGION", "us-east-1"), null))
                .isEqualTo("eu-west-1");
        assertThat(SdkCognitoGateway.region(null, Map.of("AWS_REGION", "eu-central-1", "AWS_DEFAULT_REGION", "us-east-1"),
                null)).as("AWS_REGION is the SDK's own; it decides").isNull();
        assertThat(SdkCognitoGateway.region(null, Map.of("AWS_DEFAULT_REGION", "us-east-1"), "eu-north-1")).isNull();
        assertThat(SdkCognitoGateway.region(null, Map.of("AWS_DEFAULT_REGION", " us-east-2 "), null)).isEqualTo("us-east-2");
        assertThat(SdkCognitoGateway.region(null, Map.of(), null)).isNull();
    }
}

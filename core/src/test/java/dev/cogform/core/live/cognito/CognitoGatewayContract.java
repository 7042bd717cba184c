package dev.cogform.core.live.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.desired.QuotaConfig;
import dev.cogform.core.live.ClientSummary;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.live.PoolSchema;
import dev.cogform.core.model.Analytics;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.SecretDescriptor;
import dev.cogform.core.testing.SampleClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The {@link SdkCognitoGateway} over HTTP against a Cognito-compatible server, written once and run
 * against every peer. An implementation names the peer's {@link #endpoint()} and declares its
 * {@link #gaps()} once, each with a comment; tests consult the gaps to choose between Cognito's
 * behaviour and the gap's, and assert the gap's behaviour too, so a stale gap fails. Each test
 * creates its own pool with a random name.
 *
 * <p>A peer needs only an endpoint speaking Cognito's JSON protocol, including CreateUserPool (and,
 * unless declared as gaps, CreateIdentityProvider and CreateResourceServer) for setup. For example:
 * <pre>{@code
 * class SandboxCognitoGatewayTest implements CognitoGatewayContract {
 *     static Sandbox sandbox;  // started in a static @BeforeAll, stopped in @AfterAll
 *     public URI endpoint() { return sandbox.endpoint(); }
 *     // no gaps(): the sandbox behaves like Cognito
 * }
 * }</pre>
 */
public interface CognitoGatewayContract {

    /** Where the peer listens. */
    URI endpoint();

    /** How this peer is known to differ from real Cognito; none by default. */
    default Set<PeerGap> gaps() {
        return Set.of();
    }

    /**
     * Rates for the gateway under test. Peers do not throttle and the quotas are covered by unit
     * tests, so the contract runs unthrottled; a peer that enforces Cognito's quotas may override.
     */
    default QuotaConfig quotas() {
        return new QuotaConfig(1_000, 1_000, 1_000);
    }

    /** The gateway under test; a double that is its own peer overrides this and {@link #newAdmin()}. */
    default CognitoGateway newGateway() {
        return SdkCognitoGateway.forLocalEndpoint(endpoint(), quotas());
    }

    /** Setup and inspection of the peer behind {@link #newGateway()}. */
    default PeerAdmin newAdmin() {
        return SdkPeerAdmin.connect(endpoint());
    }

    private boolean has(PeerGap gap) {
        return gaps().contains(gap);
    }

    /** What the peer stores of {@code settings}: dropped fields fall back to their default. */
    private AppClientSettings stored(AppClientSettings settings) {
        AppClientSettings defaults = AppClientSettings.defaults(settings.clientName());
        AppClientSettings.Builder b = settings.toBuilder();
        gaps().forEach(g -> g.droppedField().ifPresent(f -> f.copy(b, defaults)));
        return b.build();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    default void clientSecrets_addListDelete_keepTwoAtMost_andDescribeReturnsTheNewest() {
        try (PeerPool pool = PeerPool.create(this)) {
            LiveClient client = pool.gateway.create(pool.id,
                    AppClientSettings.defaults("confidential").toBuilder().generateSecret(true).build());
            if (has(PeerGap.NO_CLIENT_SECRET_API)) {
                assertThatThrownBy(() -> pool.gateway.listSecrets(pool.id, client.clientId()))
                        .isInstanceOf(GatewayException.class);
                assertThatThrownBy(() -> pool.gateway.addSecret(pool.id, client.clientId()))
                        .isInstanceOf(GatewayException.class);
                return;
            }
            List<SecretDescriptor> first = pool.gateway.listSecrets(pool.id, client.clientId());
            assertThat(first).hasSize(1);
            String firstValue = pool.gateway.readSecret(pool.id, client.clientId()).orElseThrow();

            SecretDescriptor added = pool.gateway.addSecret(pool.id, client.clientId());

            assertThat(pool.gateway.listSecrets(pool.id, client.clientId())).containsExactly(first.get(0), added);
            assertThat(pool.gateway.readSecret(pool.id, client.clientId())).get().isNotEqualTo(firstValue);
            assertThatThrownBy(() -> pool.gateway.addSecret(pool.id, client.clientId()))
                    .isInstanceOfSatisfying(GatewayException.class,
                            e -> assertThat(e.error()).isEqualTo(GatewayError.LIMIT_EXCEEDED));
            pool.gateway.deleteSecret(pool.id, client.clientId(), first.get(0).id());
            assertThat(pool.gateway.listSecrets(pool.id, client.clientId())).containsExactly(added);
            assertThatThrownBy(() -> pool.gateway.deleteSecret(pool.id, client.clientId(), added.id()))
                    .isInstanceOfSatisfying(GatewayException.class,
                            e -> assertThat(e.error()).isEqualTo(GatewayError.INVALID_PARAMETER));
        }
    }

    @Test
    default void create_thenDescribe_returnsEveryField() {
        try (PeerPool pool = PeerPool.create(this)) {
            AppClientSettings full = SampleClients.everyFieldSet("full-client");

            LiveClient created = pool.gateway.create(pool.id, full);
            Optional<LiveClient> described = pool.gateway.describe(pool.id, created.clientId());

            assertThat(created.poolId()).isEqualTo(pool.id);
            assertThat(created.settings()).isEqualTo(stored(full));
            assertThat(described).get().extracting(LiveClient::settings).isEqualTo(stored(full));
        }
    }

    @Test
    default void create_withDefaults_readsBackAsDefaults() {
        try (PeerPool pool = PeerPool.create(this)) {
            AppClientSettings plain = AppClientSettings.defaults("plain");

            LiveClient created = pool.gateway.create(pool.id, plain);

            assertThat(created.settings()).isEqualTo(plain);
            assertThat(pool.gateway.describe(pool.id, created.clientId())).get()
                    .extracting(LiveClient::settings).isEqualTo(plain);
        }
    }

    @Test
    default void clientCreatedElsewhere_withOnlyAName_readsAsDefaults() {
        try (PeerPool pool = PeerPool.create(this)) {
            String clientId = pool.admin.createBareClient(pool.id, "console-made");

            Optional<LiveClient> described = pool.gateway.describe(pool.id, clientId);

            assertThat(described).get().extracting(LiveClient::settings)
                    .isEqualTo(AppClientSettings.defaults("console-made"));
            if (has(PeerGap.FORCES_TOKEN_VALIDITY_UNITS)) {
                UserPoolClientType raw = pool.admin.describe(pool.id, clientId);
                assertThat(raw.tokenValidityUnits().idTokenAsString()).isEqualTo("minutes");
                assertThat(raw.idTokenValidity()).as("units without values do not change durations").isNull();
            }
        }
    }

    @Test
    default void update_replacesTheWholeClient() {
        try (PeerPool pool = PeerPool.create(this)) {
            AppClientSettings full = SampleClients.everyFieldSet("replace-me");
            LiveClient created = pool.gateway.create(pool.id, full);
            // generate_secret is create-only: the secret stays whatever the update says.
            AppClientSettings reset = AppClientSettings.defaults("replaced");

            LiveClient updated = pool.gateway.update(pool.id, created.clientId(), reset);

            AppClientSettings expected = reset.toBuilder().generateSecret(true).build();
            if (has(PeerGap.MERGES_ON_UPDATE)) {
                // Only the members the gateway cannot send for "unset" keep their old value here.
                expected = expected.toBuilder()
                        .defaultRedirectUri(full.defaultRedirectUri())
                        .analytics(full.analytics())
                        .build();
            }
            assertThat(updated.settings()).isEqualTo(expected);
            assertThat(pool.gateway.describe(pool.id, created.clientId())).get()
                    .extracting(LiveClient::settings).isEqualTo(expected);

            LiveClient restored = pool.gateway.update(pool.id, created.clientId(), full);

            assertThat(restored.settings()).isEqualTo(stored(full));
        }
    }

    @Test
    default void update_ofAMissingClient_isNotFound() {
        try (PeerPool pool = PeerPool.create(this)) {
            String gone = pool.gateway.create(pool.id, AppClientSettings.defaults("gone")).clientId();
            pool.gateway.delete(pool.id, gone);

            assertThatThrownBy(() -> pool.gateway.update(pool.id, gone, AppClientSettings.defaults("gone")))
                    .isInstanceOfSatisfying(GatewayException.class, e -> {
                        assertThat(e.error()).isEqualTo(GatewayError.NOT_FOUND);
                        assertThat(e.awsCode()).isEqualTo("ResourceNotFoundException");
                    });
        }
    }

    @Test
    default void describe_ofAMissingClient_isEmpty() {
        try (PeerPool pool = PeerPool.create(this)) {
            String gone = pool.gateway.create(pool.id, AppClientSettings.defaults("gone")).clientId();
            pool.gateway.delete(pool.id, gone);

            assertThat(pool.gateway.describe(pool.id, gone)).isEmpty();
        }
    }

    @Test
    default void missingPool_isNotFound() {
        try (PeerPool pool = PeerPool.create(this)) {
            String client = pool.gateway.create(pool.id, AppClientSettings.defaults("orphan")).clientId();
            String missing = "us-east-1_NoSuchPool0";

            if (has(PeerGap.NO_POOL_EXISTENCE_CHECK)) {
                assertThat(pool.gateway.listClients(missing)).isEmpty();
                assertThat(pool.gateway.describe(missing, client)).isEmpty();
            } else {
                assertThatThrownBy(() -> pool.gateway.listClients(missing))
                        .isInstanceOfSatisfying(GatewayException.class,
                                e -> assertThat(e.error()).isEqualTo(GatewayError.NOT_FOUND));
                assertThatThrownBy(() -> pool.gateway.describe(missing, client))
                        .isInstanceOfSatisfying(GatewayException.class,
                                e -> assertThat(e.error()).isEqualTo(GatewayError.NOT_FOUND));
            }
        }
    }

    @Test
    default void listClients_returnsEveryClient_acrossPages() {
        try (PeerPool pool = PeerPool.create(this)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 61; i++) {
                ids.add(pool.gateway.create(pool.id, AppClientSettings.defaults("client-" + i)).clientId());
            }

            List<ClientSummary> listed = pool.gateway.listClients(pool.id);

            assertThat(listed).extracting(ClientSummary::clientId).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(listed).extracting(ClientSummary::poolId).containsOnly(pool.id);
            assertThat(listed).filteredOn(c -> c.clientId().equals(ids.get(7)))
                    .extracting(ClientSummary::clientName).containsExactly("client-7");
            ListUserPoolClientsResponse firstPage = pool.admin.listPage(pool.id, 60);
            if (has(PeerGap.NO_PAGINATION)) {
                assertThat(firstPage.userPoolClients()).hasSize(61);
                assertThat(firstPage.nextToken()).isNull();
            } else {
                assertThat(firstPage.userPoolClients()).as("61 clients do not fit one page").hasSize(60);
                assertThat(firstPage.nextToken()).isNotEmpty();
            }
        }
    }

    @Test
    default void delete_removesTheClient_andDeletingAgainSucceeds() {
        try (PeerPool pool = PeerPool.create(this)) {
            String kept = pool.gateway.create(pool.id, AppClientSettings.defaults("kept")).clientId();
            String doomed = pool.gateway.create(pool.id, AppClientSettings.defaults("doomed")).clientId();

            pool.gateway.delete(pool.id, doomed);
            pool.gateway.delete(pool.id, doomed);

            assertThat(pool.gateway.describe(pool.id, doomed)).isEmpty();
            assertThat(pool.gateway.listClients(pool.id)).extracting(ClientSummary::clientId).containsExactly(kept);
        }
    }

    @Test
    default void findPoolIdByName_findsOne_noneOrRefusesTwins() {
        try (PeerPool pool = PeerPool.create(this)) {
            assertThat(pool.gateway.findPoolIdByName(pool.name)).contains(pool.id);
            assertThat(pool.gateway.findPoolIdByName(unique("no-such-pool"))).isEmpty();

            String twin = pool.admin.createPool(pool.name);
            try {
                assertThatThrownBy(() -> pool.gateway.findPoolIdByName(pool.name))
                        .isInstanceOf(GatewayException.class)
                        .hasMessageContaining(pool.id).hasMessageContaining(twin);
            } finally {
                pool.admin.deletePoolQuietly(twin);
            }
        }
    }

    @Test
    default void identityProviders_areCognitoAndThePoolsOwn() {
        try (PeerPool pool = PeerPool.create(this)) {
            if (has(PeerGap.NO_IDENTITY_PROVIDER_API)) {
                assertThatThrownBy(() -> pool.gateway.identityProviders(pool.id))
                        .isInstanceOfSatisfying(GatewayException.class, e -> {
                            assertThat(e.error()).isEqualTo(GatewayError.OTHER);
                            assertThat(e.getMessage()).contains("ListIdentityProviders");
                        });
                return;
            }
            assertThat(pool.gateway.identityProviders(pool.id)).containsExactly("COGNITO");

            pool.admin.createOidcProvider(pool.id, "corp-oidc");

            assertThat(pool.gateway.identityProviders(pool.id)).containsExactlyInAnyOrder("COGNITO", "corp-oidc");
        }
    }

    @Test
    default void resourceServerScopes_nameTheirServer() {
        try (PeerPool pool = PeerPool.create(this)) {
            if (has(PeerGap.NO_RESOURCE_SERVER_API)) {
                assertThatThrownBy(() -> pool.gateway.resourceServerScopes(pool.id))
                        .isInstanceOfSatisfying(GatewayException.class, e -> {
                            assertThat(e.error()).isEqualTo(GatewayError.OTHER);
                            assertThat(e.getMessage()).contains("ListResourceServers");
                        });
                return;
            }
            assertThat(pool.gateway.resourceServerScopes(pool.id)).isEmpty();

            pool.admin.createResourceServer(pool.id, "https://api.example.com", List.of("read", "write"));
            pool.admin.createResourceServer(pool.id, "orders", List.of("admin"));

            assertThat(pool.gateway.resourceServerScopes(pool.id)).containsExactlyInAnyOrder(
                    "https://api.example.com/read", "https://api.example.com/write", "orders/admin");
        }
    }

    @Test
    default void analyticsByApplicationArn_readsBackAsSent_whateverRoleCognitoFilledIn() {
        try (PeerPool pool = PeerPool.create(this)) {
            AppClientSettings byArn = AppClientSettings.builder("pinpoint").analytics(new Analytics(null,
                    "arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123456789abcdef0123456789abcdef", null, null,
                    true)).build();

            LiveClient created = pool.gateway.create(pool.id, byArn);

            assertThat(created.settings()).isEqualTo(byArn);
            assertThat(pool.gateway.describe(pool.id, created.clientId())).get()
                    .extracting(LiveClient::settings).isEqualTo(byArn);
            String role = pool.admin.describe(pool.id, created.clientId()).analyticsConfiguration().roleArn();
            if (has(PeerGap.NO_SERVICE_LINKED_ANALYTICS_ROLE)) {
                assertThat(role).isNull();
            } else {
                assertThat(role).as("Cognito's service-linked role").matches(
                        "arn:aws:iam::[0-9]{12}:role/aws-service-role/cognito-idp.amazonaws.com/AWSServiceRoleForAmazonCognitoIdp");
            }
        }
    }

    @Test
    default void poolSchema_namesTheRequiredAndCustomAttributes() {
        try (PeerPool pool = PeerPool.create(this, List.of("email"), List.of("tenant"))) {
            PoolSchema schema = pool.gateway.poolSchema(pool.id);

            assertThat(schema.has("email")).isTrue();
            assertThat(schema.has("custom:tenant")).isTrue();
            assertThat(schema.has("custom:does_not_exist")).isFalse();
            assertThat(schema.requiredWritable()).containsExactly("email");
            String missing = "us-east-1_NoSuchPool0";
            assertThatThrownBy(() -> pool.gateway.poolSchema(missing)).isInstanceOfSatisfying(GatewayException.class,
                    e -> assertThat(e.error()).isEqualTo(GatewayError.NOT_FOUND));
        }
    }

    @Test
    default void requiredAttributes_joinANonEmptyWriteAttributes() {
        try (PeerPool pool = PeerPool.create(this, List.of("email"), List.of())) {
            AppClientSettings writesName = AppClientSettings.builder("writer").writeAttributes(Set.of("name")).build();

            LiveClient created = pool.gateway.create(pool.id, writesName);
            LiveClient updated = pool.gateway.update(pool.id, created.clientId(),
                    writesName.toBuilder().writeAttributes(Set.of("nickname")).build());
            LiveClient everything = pool.gateway.create(pool.id, AppClientSettings.defaults("no-list"));

            if (has(PeerGap.NO_REQUIRED_WRITE_ATTRIBUTES)) {
                assertThat(created.settings().writeAttributes()).containsExactly("name");
                assertThat(updated.settings().writeAttributes()).containsExactly("nickname");
            } else {
                assertThat(created.settings().writeAttributes()).containsExactly("email", "name");
                assertThat(updated.settings().writeAttributes()).containsExactly("email", "nickname");
            }
            assertThat(created.settings()).isEqualTo(
                    writesName.withRequiredWritable(has(PeerGap.NO_REQUIRED_WRITE_ATTRIBUTES) ? Set.of() : Set.of("email")));
            assertThat(everything.settings().writeAttributes()).as("no list: every standard attribute").isEmpty();
        }
    }

    @Test
    default void customAttributes_mustExistInThePool() {
        try (PeerPool pool = PeerPool.create(this, List.of(), List.of("tenant"))) {
            AppClientSettings known = AppClientSettings.builder("known").readAttributes(Set.of("custom:tenant"))
                    .writeAttributes(Set.of("custom:tenant")).build();
            AppClientSettings unknown = AppClientSettings.builder("unknown")
                    .writeAttributes(Set.of("custom:does_not_exist")).build();

            assertThat(pool.gateway.create(pool.id, known).settings()).isEqualTo(known);
            if (has(PeerGap.NO_VALIDATION)) {
                assertThat(pool.gateway.create(pool.id, unknown).settings()).isEqualTo(unknown);
                return;
            }
            assertThatThrownBy(() -> pool.gateway.create(pool.id, unknown))
                    .isInstanceOfSatisfying(GatewayException.class, e -> {
                        assertThat(e.error()).isEqualTo(GatewayError.INVALID_PARAMETER);
                        assertThat(e.getMessage()).contains("Invalid write attributes");
                    });
        }
    }

    @Test
    default void theSecret_isReadableOnlyThroughReadSecret() {
        try (PeerPool pool = PeerPool.create(this)) {
            LiveClient confidential = pool.gateway.create(pool.id,
                    AppClientSettings.builder("confidential").generateSecret(true).build());
            LiveClient publicClient = pool.gateway.create(pool.id, AppClientSettings.defaults("public"));
            String secret = pool.admin.describe(pool.id, confidential.clientId()).clientSecret();

            assertThat(secret).isNotEmpty();
            assertThat(confidential.settings().generateSecret()).isTrue();
            assertThat(confidential.toString()).doesNotContain(secret);
            assertThat(pool.gateway.describe(pool.id, confidential.clientId()).orElseThrow().toString())
                    .doesNotContain(secret);
            assertThat(pool.gateway.listClients(pool.id).toString()).doesNotContain(secret);
            assertThat(pool.gateway.readSecret(pool.id, confidential.clientId())).contains(secret);
            assertThat(pool.gateway.readSecret(pool.id, publicClient.clientId())).isEmpty();
            assertThat(publicClient.settings().generateSecret()).isFalse();
        }
    }

    @Test
    default void creationAndModificationDates_areReported() {
        try (PeerPool pool = PeerPool.create(this)) {
            LiveClient created = pool.gateway.create(pool.id, AppClientSettings.defaults("dated"));

            if (has(PeerGap.NO_CLIENT_DATES)) {
                assertThat(created.created()).isNull();
                assertThat(created.lastModified()).isNull();
            } else {
                assertThat(created.created()).isNotNull();
                assertThat(created.lastModified()).isNotNull().isAfterOrEqualTo(created.created());
            }
        }
    }

    @Test
    default void invalidValues_areRejectedWithCognitosError() {
        try (PeerPool pool = PeerPool.create(this)) {
            // Two days is beyond the access token's maximum of one day.
            AppClientSettings invalid = AppClientSettings.builder("too-long").accessTokenValiditySeconds(2 * 86_400)
                    .build();

            if (has(PeerGap.NO_VALIDATION)) {
                LiveClient accepted = pool.gateway.create(pool.id, invalid);
                assertThat(accepted.settings().accessTokenValiditySeconds()).isEqualTo(2 * 86_400);
                return;
            }
            assertThatThrownBy(() -> pool.gateway.create(pool.id, invalid))
                    .isInstanceOfSatisfying(GatewayException.class, e -> {
                        assertThat(e.error()).isEqualTo(GatewayError.INVALID_PARAMETER);
                        assertThat(e.awsCode()).isEqualTo("InvalidParameterException");
                        assertThat(e.getMessage()).contains("token validity");
                    });
            assertThat(pool.gateway.listClients(pool.id)).isEmpty();
        }
    }

    @Test
    default void parallelUpdatesOfOnePool_allLand() throws Exception {
        try (PeerPool pool = PeerPool.create(this)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(pool.gateway.create(pool.id, AppClientSettings.defaults("before-" + i)).clientId());
            }
            ExecutorService threads = Executors.newFixedThreadPool(6);
            try {
                List<Future<LiveClient>> updates = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) {
                    String id = ids.get(i);
                    AppClientSettings after = SampleClients.everyFieldSet("after-" + i).toBuilder()
                            .generateSecret(false).enablePropagateAdditionalUserContextData(false).build();
                    updates.add(threads.submit(() -> pool.gateway.update(pool.id, id, after)));
                }
                for (Future<LiveClient> f : updates) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }

            for (int i = 0; i < ids.size(); i++) {
                AppClientSettings expected = stored(SampleClients.everyFieldSet("after-" + i).toBuilder()
                        .generateSecret(false).enablePropagateAdditionalUserContextData(false).build());
                assertThat(pool.gateway.describe(pool.id, ids.get(i))).get()
                        .extracting(LiveClient::settings).isEqualTo(expected);
            }
        }
    }
}

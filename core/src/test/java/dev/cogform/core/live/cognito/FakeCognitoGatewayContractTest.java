package dev.cogform.core.live.cognito;

import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.model.Analytics;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.testing.FakeCognitoGateway;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AnalyticsConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The gateway contract against {@link FakeCognitoGateway}, the double behind the planner, applier and command
 * tests, so that what they prove holds for Cognito too. The double is its own peer: there is no endpoint, and
 * setup goes straight into it.
 */
class FakeCognitoGatewayContractTest implements CognitoGatewayContract {

    private FakeCognitoGateway fake;

    @BeforeEach
    void newFake() {
        fake = new FakeCognitoGateway();
    }

    /** Never dialled: {@link #newGateway()} and {@link #newAdmin()} reach the double directly. */
    @Override
    public URI endpoint() {
        return URI.create("memory://fake-cognito");
    }

    @Override
    public Set<PeerGap> gaps() {
        return EnumSet.of(
                // One answer holds every client: the logic under test never sees pages.
                PeerGap.NO_PAGINATION,
                // Values are stored as sent: the rules are tested on their own, offline.
                PeerGap.NO_VALIDATION,
                // Clients are kept in canonical form, where the service-linked role is folded away.
                PeerGap.NO_SERVICE_LINKED_ANALYTICS_ROLE,
                // Rotation is tested on the sandbox; the fake keeps the port's default (unsupported).
                PeerGap.NO_CLIENT_SECRET_API);
    }

    @Override
    public CognitoGateway newGateway() {
        return fake;
    }

    @Override
    public PeerAdmin newAdmin() {
        return new PeerAdmin() {
            @Override
            public String createPool(String name) {
                return fake.addPool(name);
            }

            @Override
            public String createPool(String name, List<String> required, List<String> custom) {
                String id = fake.addPool(name);
                required.forEach(a -> fake.requireAttribute(id, a));
                custom.forEach(a -> fake.addCustomAttribute(id, a));
                return id;
            }

            @Override
            public void deletePoolQuietly(String poolId) {
                // Each test has its own fake; nothing outlives it.
            }

            @Override
            public String createBareClient(String poolId, String name) {
                return fake.put(poolId, AppClientSettings.defaults(name)).clientId();
            }

            @Override
            public UserPoolClientType describe(String poolId, String clientId) {
                LiveClient c = fake.clients(poolId).stream().filter(x -> x.clientId().equals(clientId)).findFirst()
                        .orElseThrow();
                Analytics a = c.settings().analytics();
                return UserPoolClientType.builder().userPoolId(poolId).clientId(clientId)
                        .clientName(c.settings().clientName()).clientSecret(fake.secret(poolId, clientId).orElse(null))
                        .analyticsConfiguration(a == null ? null : AnalyticsConfigurationType.builder()
                                .applicationArn(a.applicationArn()).applicationId(a.applicationId())
                                .roleArn(a.roleArn()).externalId(a.externalId()).userDataShared(a.userDataShared())
                                .build())
                        .build();
            }

            @Override
            public ListUserPoolClientsResponse listPage(String poolId, int maxResults) {
                return ListUserPoolClientsResponse.builder().userPoolClients(fake.clients(poolId).stream()
                        .map(c -> UserPoolClientDescription.builder().userPoolId(poolId).clientId(c.clientId())
                                .clientName(c.settings().clientName()).build()).toList()).build();
            }

            @Override
            public void createOidcProvider(String poolId, String name) {
                fake.addIdentityProvider(poolId, name);
            }

            @Override
            public void createResourceServer(String poolId, String identifier, List<String> scopes) {
                scopes.forEach(s -> fake.addScope(poolId, identifier + "/" + s));
            }

            @Override
            public void close() {
            }
        };
    }
}

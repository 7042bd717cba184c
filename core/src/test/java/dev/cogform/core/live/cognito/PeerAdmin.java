package dev.cogform.core.live.cognito;

import java.util.List;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * Test-side setup and inspection of a Cognito peer: what the gateway port deliberately cannot do (create
 * pools, identity providers, resource servers) or should not show (raw responses, secrets). Raw answers are
 * the SDK's model types, as the service would give them.
 */
public interface PeerAdmin extends AutoCloseable {

    String createPool(String name);

    /** A pool whose schema makes the standard attributes {@code required} required and adds {@code custom} ones. */
    String createPool(String name, List<String> required, List<String> custom);

    /** Deletes the pool, ignoring failures: cleanup must not hide a test's own outcome. */
    void deletePoolQuietly(String poolId);

    /** A client created the way another tool would: nothing but a name. */
    String createBareClient(String poolId, String name);

    /** DescribeUserPoolClient's answer, secret included. */
    UserPoolClientType describe(String poolId, String clientId);

    /** One ListUserPoolClients page of at most {@code maxResults}. */
    ListUserPoolClientsResponse listPage(String poolId, int maxResults);

    void createOidcProvider(String poolId, String name);

    void createResourceServer(String poolId, String identifier, List<String> scopes);

    @Override
    void close();
}

package dev.cogform.core.live.cognito;

import dev.cogform.core.testing.Peers;
import dev.cogform.core.testing.peers.Peer;
import dev.cogform.core.testing.peers.WithPeers;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/** The gateway contract against cognito-local 5.3.0 (npm). */
@WithPeers(Peer.COGNITO_LOCAL)
class CognitoLocalGatewayTest implements CognitoGatewayContract {

    @Override
    public URI endpoint() {
        return Peers.cognitoLocal();
    }

    @Override
    public Set<PeerGap> gaps() {
        return EnumSet.of(
                // Update merges each member as `request.X ?? existing.X`; omitted members are kept.
                PeerGap.MERGES_ON_UPDATE,
                // Source says "TODO: NextToken support" / "TODO: MaxResults support".
                PeerGap.NO_PAGINATION,
                // The three members below are not in its client record: accepted, never returned.
                PeerGap.DROPS_AUTH_SESSION_VALIDITY,
                PeerGap.DROPS_PROPAGATE_ADDITIONAL_USER_CONTEXT_DATA,
                PeerGap.DROPS_REFRESH_TOKEN_ROTATION,
                // Nothing is validated; any value is stored and echoed.
                PeerGap.NO_VALIDATION,
                // Creates default TokenValidityUnits {hours, minutes, days}; harmless for cogform,
                // which always sends all three units with their values.
                PeerGap.FORCES_TOKEN_VALIDITY_UNITS,
                // Only user pools and clients are implemented; other targets answer HTTP 500.
                PeerGap.NO_IDENTITY_PROVIDER_API,
                PeerGap.NO_RESOURCE_SERVER_API,
                // Unknown pool ids are not checked: ListUserPoolClients answers [] and Describe
                // a generic "Resource not found".
                PeerGap.NO_POOL_EXISTENCE_CHECK,
                // Stored as sent: no service-linked RoleArn for an ApplicationArn, no required
                // attributes added to WriteAttributes.
                PeerGap.NO_SERVICE_LINKED_ANALYTICS_ROLE,
                PeerGap.NO_REQUIRED_WRITE_ATTRIBUTES,
                // The client-secret operations (rotation) are not implemented.
                PeerGap.NO_CLIENT_SECRET_API);
    }
}

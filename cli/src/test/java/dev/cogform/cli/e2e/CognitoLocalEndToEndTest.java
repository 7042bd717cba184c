package dev.cogform.cli.e2e;

import dev.cogform.core.live.cognito.PeerGap;
import dev.cogform.core.testing.Peers;
import dev.cogform.core.testing.peers.Peer;
import dev.cogform.core.testing.peers.WithPeers;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/** The scenarios against cognito-local 5.3.0 (npm), without the fields and APIs it lacks. */
@WithPeers(Peer.COGNITO_LOCAL)
class CognitoLocalEndToEndTest extends EndToEndScenarios {

    @Override
    URI endpoint() {
        return Peers.cognitoLocal();
    }

    @Override
    Set<PeerGap> gaps() {
        return EnumSet.of(
                // Update merges each member as `request.X ?? existing.X`; omitted members are kept.
                PeerGap.MERGES_ON_UPDATE,
                // ListUserPoolClients ignores MaxResults and NextToken.
                PeerGap.NO_PAGINATION,
                // Not in its client record: accepted, never returned; the stack leaves them out.
                PeerGap.DROPS_AUTH_SESSION_VALIDITY,
                PeerGap.DROPS_PROPAGATE_ADDITIONAL_USER_CONTEXT_DATA,
                PeerGap.DROPS_REFRESH_TOKEN_ROTATION,
                // Nothing is validated; any value is stored and echoed.
                PeerGap.NO_VALIDATION,
                // Creates default TokenValidityUnits {hours, minutes, days}.
                PeerGap.FORCES_TOKEN_VALIDITY_UNITS,
                // Only user pools and clients are implemented: no identity provider and no custom scope
                // can exist, so the stack names neither.
                PeerGap.NO_IDENTITY_PROVIDER_API,
                PeerGap.NO_RESOURCE_SERVER_API,
                // Unknown pool ids are not checked.
                PeerGap.NO_POOL_EXISTENCE_CHECK,
                // Stored as sent: no service-linked RoleArn for an ApplicationArn, no required
                // attributes added to WriteAttributes.
                PeerGap.NO_SERVICE_LINKED_ANALYTICS_ROLE,
                PeerGap.NO_REQUIRED_WRITE_ATTRIBUTES);
    }
}

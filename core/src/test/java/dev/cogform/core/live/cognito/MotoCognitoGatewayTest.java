package dev.cogform.core.live.cognito;

import dev.cogform.core.testing.Peers;
import dev.cogform.core.testing.peers.Peer;
import dev.cogform.core.testing.peers.WithPeers;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/** The gateway contract against moto_server (moto 5.2.1). */
@WithPeers(Peer.MOTO)
class MotoCognitoGatewayTest implements CognitoGatewayContract {

    @Override
    public URI endpoint() {
        return Peers.moto();
    }

    @Override
    public Set<PeerGap> gaps() {
        return EnumSet.of(
                // UpdateUserPoolClient is a shallow dict update: members left out keep their value.
                PeerGap.MERGES_ON_UPDATE,
                // No checks of app-client values (ranges, enums, URLs, scopes, OAuth consistency).
                PeerGap.NO_VALIDATION,
                // Clients carry no CreationDate / LastModifiedDate.
                PeerGap.NO_CLIENT_DATES,
                // Stored as sent: no service-linked RoleArn for an ApplicationArn, no required
                // attributes added to WriteAttributes.
                PeerGap.NO_SERVICE_LINKED_ANALYTICS_ROLE,
                PeerGap.NO_REQUIRED_WRITE_ATTRIBUTES,
                // The client-secret operations (rotation) are not implemented.
                PeerGap.NO_CLIENT_SECRET_API);
    }
}

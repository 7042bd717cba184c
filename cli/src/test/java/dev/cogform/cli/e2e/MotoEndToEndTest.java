package dev.cogform.cli.e2e;

import dev.cogform.core.live.cognito.PeerGap;
import dev.cogform.core.testing.Peers;
import dev.cogform.core.testing.peers.Peer;
import dev.cogform.core.testing.peers.WithPeers;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/** The scenarios against moto_server. */
@WithPeers(Peer.MOTO)
class MotoEndToEndTest extends EndToEndScenarios {

    @Override
    URI endpoint() {
        return Peers.moto();
    }

    @Override
    Set<PeerGap> gaps() {
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
                PeerGap.NO_REQUIRED_WRITE_ATTRIBUTES);
    }
}
